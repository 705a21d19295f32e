import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { effectiveRank } from '../auth/auth.guard';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import { IdPipe } from '../kernel/validation/id.pipe';
import { IF_MATCH_HEADER } from '../records/collection/collection.controller';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { ROLE_RANK } from '../users/user.entity';
import { SavedQueryChange, SavedQueryInput, SavedQueryRecord } from './saved-query.dto';
import { SavedQueriesService, SavedQueryViewer } from './saved-queries.service';
import { SAVED_QUERY_FILTERS, SAVED_QUERY_LIST_SPEC, SavedQuerySort } from './saved-queries.table';

/** The caller as the saved queries see them: an admin only with a read-write credential (a read-only token is a viewer's). */
const viewerOf = (principal: Principal): SavedQueryViewer => ({
  id: principal.user.id,
  admin: effectiveRank(principal) >= ROLE_RANK.admin,
});

const CHANGE_DESCRIPTION =
  "Your own only (403 for another's shared one). Name, query and sharing; the whole record as react-admin sends it is accepted, " +
  'its other fields unchanged. With `version` (or If-Match), 409 if it changed since.';

/**
 * Saved queries: filters (and sort) kept under a name on the server, the account's own and the
 * team's shared ones. Every signed-in account, viewers too ('member'), never anonymous readers.
 */
@ApiTags('saved-queries')
@Controller('saved-queries')
@Access('member')
export class SavedQueriesController {
  constructor(private readonly savedQueries: SavedQueriesService) {}

  @ListEndpoint(SAVED_QUERY_LIST_SPEC, SavedQueryRecord)
  @ApiOperation({
    summary: 'Saved queries',
    description: 'Your own and those shared with the team, each with its owner and whether it is yours (`mine`); by name.',
  })
  list(
    @ListQueryParam(SAVED_QUERY_LIST_SPEC) query: ListQuery<typeof SAVED_QUERY_FILTERS, SavedQuerySort>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.savedQueries.list(query, viewerOf(principal));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A saved query', description: "Yours or a shared one; another account's unshared query is 404." })
  @ApiOkResponse({ type: SavedQueryRecord })
  @ApiErrorResponses(404)
  get(@Param('id', IdPipe) id: number, @CurrentPrincipal() principal: Principal) {
    return this.savedQueries.get(id, viewerOf(principal));
  }

  @Post()
  @ApiOperation({
    summary: 'Save a query',
    description: 'Under a name, as yours; `shared: true` shows it to the whole team. The query is checked as the page it opens reads it.',
  })
  @ApiBody({ type: SavedQueryInput })
  @ApiResponse({ status: 201, type: SavedQueryRecord })
  @ApiErrorResponses(400)
  create(@Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    return this.savedQueries.create(body, viewerOf(principal));
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a saved query', description: CHANGE_DESCRIPTION })
  @IF_MATCH_HEADER
  @ApiBody({ type: SavedQueryChange })
  @ApiOkResponse({ type: SavedQueryRecord })
  @ApiErrorResponses(400, [403, "Another account's saved query."], 404, 409)
  put(
    @Param('id', IdPipe) id: number,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.savedQueries.update(id, body, ifMatch, viewerOf(principal));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields of a saved query', description: 'The same as PUT.' })
  @IF_MATCH_HEADER
  @ApiBody({ type: SavedQueryChange })
  @ApiOkResponse({ type: SavedQueryRecord })
  @ApiErrorResponses(400, [403, "Another account's saved query."], 404, 409)
  patch(
    @Param('id', IdPipe) id: number,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.savedQueries.update(id, body, ifMatch, viewerOf(principal));
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Delete a saved query',
    description: 'Your own; an admin may delete any shared one. It is gone for good (it holds no data, only a query).',
  })
  @IF_MATCH_HEADER
  @ApiOkResponse({ type: SavedQueryRecord, description: 'The saved query, as it was.' })
  @ApiErrorResponses([403, "Another account's saved query (an admin's read-write credential may delete a shared one)."], 404, 409)
  remove(@Param('id', IdPipe) id: number, @Headers('if-match') ifMatch: string | undefined, @CurrentPrincipal() principal: Principal) {
    return this.savedQueries.remove(id, ifMatch, viewerOf(principal));
  }
}
