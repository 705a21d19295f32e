import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest } from '../kernel/errors/api-errors';
import { ApiFilters } from '../records/list-query/list-query.decorators';
import { parseFilters } from '../records/list-query/parse-list-query';
import { STATEMENT_FILTERS, STATEMENT_LIST_SPEC, statementFiltersFor } from '../statements/statement-query';
import { decodeCursor, TimelineOrder } from './timeline-cursor';
import { TimelinePage } from './timeline.dto';
import { TimelineService } from './timeline.service';
import { Access } from '../auth/access.decorator';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const TIMELINE_KEYS = ['cursor', 'limit', 'order'] as const;

function one(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badRequest({ [field]: 'must be given once' });
  return value;
}

@ApiTags('timeline')
@Access('read')
@Controller('timeline')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get()
  @ApiOperation({
    summary: 'Read the timeline',
    description: 'The filtered statements in date order, with speaker, stance, participants and topics joined in, paged by cursor.',
  })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page.' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } })
  @ApiQuery({ name: 'order', required: false, schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' } })
  @ApiFilters(STATEMENT_FILTERS)
  @ApiOkResponse({ type: TimelinePage })
  // The page comes as JSON text written by PostgreSQL (TimelineService.page).
  @Header('Content-Type', 'application/json; charset=utf-8')
  page(@Query() query: Record<string, unknown>, @Req() request: Request): Promise<string> {
    const filters = statementFiltersFor(request, parseFilters(STATEMENT_LIST_SPEC, query, TIMELINE_KEYS));
    const order = (one(query.order, 'order') ?? 'asc') as TimelineOrder;
    if (order !== 'asc' && order !== 'desc') throw badRequest({ order: 'must be asc or desc' });
    const limitText = one(query.limit, 'limit');
    if (limitText !== undefined && (!/^[1-9]\d{0,3}$/.test(limitText) || +limitText > MAX_LIMIT)) {
      throw badRequest({ limit: `must be an integer from 1 to ${MAX_LIMIT}` });
    }
    const cursorText = one(query.cursor, 'cursor');
    return this.timeline.page({
      filters,
      order,
      limit: limitText === undefined ? DEFAULT_LIMIT : Number(limitText),
      after: cursorText === undefined ? undefined : decodeCursor(cursorText, order),
    });
  }
}
