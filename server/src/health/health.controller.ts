import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Access } from '../auth/access.decorator';

const CHECK_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Access('public')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the database answers a query within two seconds, 503 otherwise. */
  @Get()
  @ApiOkResponse({ description: '{ status: "ok", database: "up" }' })
  @ApiServiceUnavailableResponse({ description: '{ status: "error", database: "down" }' })
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
      response.status(503).json({
        statusCode: 503,
        error: 'Service Unavailable',
        message: `The database does not answer: ${(error as Error).message}`,
        status: 'error',
        database: 'down',
      });
    } finally {
      clearTimeout(timer);
    }
  }
}
