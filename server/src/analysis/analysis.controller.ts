import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsExportTicket, Access } from '../auth/access.decorator';
import { ApiTooManyExports } from '../exports/export-slots';
import { ApiFilters } from '../records/list-query/list-query.decorators';
import { STATEMENT_FILTERS, statementReadFor } from '../statements/statement-query';
import {
  GROUPINGS,
  INTERVALS,
  MAX_LINKS_LIMIT,
  NETWORK_FORMATS,
  NETWORK_KINDS,
  NETWORK_TABLES,
  parseNetworkRequest,
  parseStanceOverTimeRequest,
} from './analysis-params';
import { NetworkDocument } from './network/network.dto';
import { NETWORK_MEDIA, NetworkService } from './network/network.service';
import { StanceOverTime } from './stance-over-time/stance-over-time.dto';
import { StanceOverTimeService } from './stance-over-time/stance-over-time.service';

const text = { schema: { type: 'string' } };

@ApiTags('analysis')
@ApiExtraModels(NetworkDocument)
@Access('read')
@Controller('analysis')
export class AnalysisController {
  constructor(
    private readonly stanceOverTime: StanceOverTimeService,
    private readonly networks: NetworkService,
  ) {}

  @Get('stance-over-time')
  @ApiOperation({
    summary: 'Stance over time',
    description:
      'Per group (speaker, country or all) and interval: statements, those with a stance, mean and median stance score, count per ' +
      'stance, and shifts (the mean moving by a point or more from the previous interval with a mean). A statement is placed in an ' +
      'interval only when its whole date range lies inside it; the others are reported per group as imprecise, not plotted.',
  })
  @ApiQuery({ name: 'interval', required: false, enum: INTERVALS, description: 'Default month.' })
  @ApiQuery({ name: 'groupBy', required: false, enum: GROUPINGS, description: "Default speaker; country is the speaker's country." })
  @ApiFilters(STATEMENT_FILTERS)
  @ApiOkResponse({ type: StanceOverTime })
  read(@Query() query: Record<string, unknown>, @Req() request: Request): Promise<StanceOverTime> {
    return this.stanceOverTime.read(statementReadFor(request, parseStanceOverTimeRequest(query)));
  }

  @Get('network')
  @AcceptsExportTicket()
  @ApiOperation({
    summary: 'Discourse network',
    description:
      'actor-topic: speakers and topics, weight = statements. actor-congruence / actor-conflict: speakers linked when both took a ' +
      'stance of the same sign / of opposite signs (score > 0 or < 0; neutral takes no side) on a topic, weight = such topics, not ' +
      'normalised. replies: who answers whom (respondsTo), weight = replies. As JSON, GraphML, GEXF 1.2 or CSV (table=nodes|edges).',
  })
  @ApiQuery({ name: 'kind', required: true, enum: NETWORK_KINDS })
  @ApiQuery({ name: 'format', required: false, enum: NETWORK_FORMATS, description: 'Default json.' })
  @ApiQuery({ name: 'table', required: false, enum: NETWORK_TABLES, description: 'csv (required there): the nodes or the edges.' })
  @ApiQuery({
    name: 'maxLinks',
    required: false,
    schema: { type: 'integer', minimum: 0, maximum: MAX_LINKS_LIMIT },
    description: 'json: with more links than this, answer tooLarge with no nodes or links.',
  })
  @ApiQuery({
    name: 'ticket',
    required: false,
    description: 'One-use credential from POST /api/auth/export-ticket, for a plain browser download',
  })
  @ApiFilters(STATEMENT_FILTERS)
  @ApiProduces(...Object.values(NETWORK_MEDIA).map(({ contentType }) => contentType.split(';')[0]))
  @ApiOkResponse({
    description: 'The network as an attachment, edges streamed.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(NetworkDocument) } },
      'application/graphml+xml': text,
      'application/gexf+xml': text,
      'text/csv': text,
    },
    headers: {
      'Content-Disposition': { description: 'attachment; filename="network-<kind>-<date>.<extension>"', schema: { type: 'string' } },
    },
  })
  @ApiTooManyExports()
  network(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.networks.send(statementReadFor(request, parseNetworkRequest(query)), response);
  }
}
