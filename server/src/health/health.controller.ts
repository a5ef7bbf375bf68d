import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators/public.decorator';
import { RealtimeStatus } from '../realtime/realtime-status';
import { HealthResponseDto } from './dto/health-response.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly realtime: RealtimeStatus,
  ) {}

  /**
   * 503 when the database is unreachable (nothing can be saved). Redis unreachable is 200
   * "degraded": the instance still serves its own clients, so a load balancer keeps it.
   */
  @Public()
  @Get()
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable' })
  async check(): Promise<HealthResponseDto> {
    await this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
    const database = { status: 'up' as const };
    switch (this.realtime.redis) {
      case 'not_configured':
        return { status: 'ok', database };
      case 'up':
        return { status: 'ok', database, redis: { status: 'up' } };
      case 'down':
        return { status: 'degraded', database, redis: { status: 'down', message: this.realtime.redisError } };
    }
  }
}
