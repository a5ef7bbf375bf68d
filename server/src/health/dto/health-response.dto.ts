import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ComponentHealthResponseDto {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Why it is down (the last error seen)' })
  message?: string;
}

export class HealthResponseDto {
  @ApiProperty({
    enum: ['ok', 'degraded'],
    description:
      "'degraded': Redis is configured but unreachable — this instance serves its own clients and reconnects; other instances miss its live messages until Redis is back",
  })
  status: 'ok' | 'degraded';

  @ApiProperty({ type: ComponentHealthResponseDto })
  database: ComponentHealthResponseDto;

  @ApiPropertyOptional({ type: ComponentHealthResponseDto, description: 'Only when REDIS_URL is set' })
  redis?: ComponentHealthResponseDto;
}
