import { Module } from '@nestjs/common';
import { ApiIndexController } from './api-index.controller';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController, ApiIndexController] })
export class HealthModule {}
