import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../kernel/errors/api-error.schema';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Access } from '../auth/access.decorator';

const CHECK_TIMEOUT_MS = 2_000;

class Healthy {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty({ enum: ['up'] }) database: 'up';
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How long the database took to answer.' }) latencyMs: number;
}

/** The shared error body, plus what a load balancer may read. */
class Unhealthy extends ApiError {
  @ApiProperty({ enum: ['error'] }) status: 'error';
  @ApiProperty({ enum: ['down'] }) database: 'down';
}

@ApiTags('health')
@Access('public')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * 200 when the database answers a query within two seconds, 503 otherwise. Anyone may ask,
   * so the answer says no more than that: why (`connect ECONNREFUSED host:port`, the
   * database's address) goes to the log.
   */
  @Get()
  @ApiOperation({ summary: 'Health', description: '200 when the database answers a query within two seconds, 503 otherwise.' })
  @ApiOkResponse({ type: Healthy })
  @ApiServiceUnavailableResponse({ type: Unhealthy })
  async check(@Res() response: Response): Promise<void> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
        }),
      ]);
      response.status(200).json({ status: 'ok', database: 'up', latencyMs: Date.now() - started });
    } catch (error) {
      this.logger.warn(`The database does not answer the health check: ${(error as Error).message}`);
      response.status(503).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database does not answer.',
        status: 'error',
        database: 'down',
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
