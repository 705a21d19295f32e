import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';

class ApiIndex {
  @ApiProperty() name: string;
  @ApiProperty() documentation: string;
  @ApiProperty() openapi: string;
  @ApiProperty() health: string;
  @ApiProperty({ type: [String] }) collections: string[];
  @ApiProperty() timeline: string;
  @ApiProperty() exports: string;
}

/** `GET /api`: where things are, for someone exploring the API with curl. */
@ApiTags('health')
@Access('public')
@Controller()
export class ApiIndexController {
  @Get()
  @ApiOperation({ summary: 'Where things are', description: 'Links to the documentation, the collections, the timeline and the exports.' })
  @ApiOkResponse({ type: ApiIndex })
  index() {
    return {
      name: 'Chronicle API',
      documentation: '/api/docs',
      openapi: '/api/docs/json',
      health: '/api/health',
      collections: ['/api/statements', '/api/actors', '/api/sources', '/api/topics', '/api/stances'],
      timeline: '/api/timeline',
      exports: '/api/statements/export?format=csv|json|ndjson|markdown|timelinejs',
    };
  }
}
