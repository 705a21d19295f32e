import { Module } from '@nestjs/common';
import { ApiDocsController, PublishedApiDocument } from './api-docs.controller';
import { ApiIndexController } from './api-index.controller';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController, ApiIndexController, ApiDocsController], providers: [PublishedApiDocument] })
export class HealthModule {}
