import { Body, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { FilterDefinitions, ListQuery, ListSpec } from '../list-query/filter-definitions';
import { ListQueryParam } from '../list-query/list-query.decorators';
import { ListEndpoint } from '../list-query/page.interceptor';
import { IdPipe } from '../validation/id.pipe';
import { ApiValidationPipe } from '../validation/validation.pipe';
import { CollectionService } from './collection.service';

type Class = new (...args: never[]) => object;

export interface CollectionEndpoints<F extends FilterDefinitions, S extends string> {
  spec: ListSpec<F, S>;
  /** Body of POST and PUT (a whole record). */
  input: Class;
  /** Body of PATCH (any subset of the fields). */
  patch: Class;
  /** What the API returns, for the OpenAPI document. */
  record: Class;
}

/**
 * The six routes of a collection in react-admin's protocol (list, one, create, replace,
 * patch, delete), each a one-line hand-over to the collection's service. A feature's
 * controller extends the class this returns and adds its `@Controller(path)`.
 */
export function CollectionController<F extends FilterDefinitions, S extends string>(endpoints: CollectionEndpoints<F, S>) {
  const { spec, input, patch, record } = endpoints;

  class CollectionControllerBase {
    constructor(readonly service: CollectionService<{ id: number }, unknown, F, S>) {}

    @ListEndpoint(spec, record)
    list(@ListQueryParam(spec) query: ListQuery<F, S>) {
      return this.service.list(query);
    }

    @Get(':id')
    @ApiOkResponse({ type: record })
    @ApiNotFoundResponse()
    get(@Param('id', IdPipe) id: number) {
      return this.service.get(id);
    }

    @Post()
    @ApiBody({ type: input })
    @ApiCreatedResponse({ type: record })
    create(@Body(new ApiValidationPipe(input)) body: object) {
      return this.service.create(body);
    }

    @Put(':id')
    @ApiBody({ type: input })
    @ApiOkResponse({ type: record })
    replace(@Param('id', IdPipe) id: number, @Body(new ApiValidationPipe(input)) body: object) {
      return this.service.update(id, body, 'replace');
    }

    @Patch(':id')
    @ApiBody({ type: patch })
    @ApiOkResponse({ type: record })
    patch(@Param('id', IdPipe) id: number, @Body(new ApiValidationPipe(patch)) body: object) {
      return this.service.update(id, body, 'patch');
    }

    @Delete(':id')
    @ApiOkResponse({ type: record, description: 'The deleted record.' })
    @ApiConflictResponse({ description: 'Statements still use the record; the message says how many.' })
    remove(@Param('id', IdPipe) id: number) {
      return this.service.remove(id);
    }
  }
  return CollectionControllerBase;
}
