import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { apiError } from '../common/api-errors';
import { Public } from '../auth/decorators/public.decorator';
import { RealtimeStatus } from '../realtime/realtime-status';
import { HealthResponseDto } from './dto/health-response.dto';

const DATABASE_PING_TIMEOUT_MS = 3_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    await this.pingDatabase();
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

  /** `SELECT 1` within DATABASE_PING_TIMEOUT_MS, else 503 `service_unavailable`. */
  private async pingDatabase(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${DATABASE_PING_TIMEOUT_MS} ms`)), DATABASE_PING_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
    } catch (error) {
      throw new ServiceUnavailableException(apiError('service_unavailable', `The database is unreachable: ${error instanceof Error ? error.message : String(error)}`));
    } finally {
      clearTimeout(timer);
    }
  }
}
