import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { Request } from 'express';
import { DEFAULT_PAGE_SIZE, FilterDefinition, FilterDefinitions, ListSpec, MAX_PAGE_SIZE } from './filter-definitions';
import { DEFAULT_EXACT_COUNT_LIMIT } from './count-matching';
import { parseListQuery } from './parse-list-query';

/** The request's list query, parsed against the collection's spec (400 on anything unknown). */
export const ListQueryParam = createParamDecorator((spec: ListSpec, context: ExecutionContext) =>
  parseListQuery(spec, context.switchToHttp().getRequest<Request>().query as Record<string, unknown>),
);

function filterSchema(definition: FilterDefinition): Record<string, unknown> {
  switch (definition.type) {
    case 'id':
      return { type: 'array', items: { type: 'integer', minimum: 1 } };
    case 'int':
      return { type: 'array', items: { type: 'integer', minimum: definition.min, maximum: definition.max } };
    case 'enum':
      return { type: 'array', items: { type: 'string', enum: [...definition.values] } };
    case 'choice':
      return { type: 'string', enum: [...definition.values], default: definition.default };
    case 'pattern':
      return { type: 'array', items: { type: 'string', pattern: definition.pattern.source, example: definition.example } };
    case 'date':
      return { type: 'string', example: definition.bound === 'start' ? '2019-01-01' : '2019-01-31' };
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'text':
      return { type: 'string', maxLength: definition.maxLength };
  }
}

/** OpenAPI description of a collection's filters, generated from the same spec the parser uses. */
export function ApiFilters(filters: FilterDefinitions) {
  return applyDecorators(
    ...Object.entries(filters).map(([name, definition]) =>
      ApiQuery({
        name,
        required: false,
        description: definition.description,
        schema: filterSchema(definition) as never,
        ...(filterSchema(definition).type === 'array' ? { style: 'form', explode: true } : {}),
      }),
    ),
  );
}

/** OpenAPI description of the list protocol: paging, sorting, filters and X-Total-Count. */
export function ApiListQuery(spec: ListSpec, rowType: new (...args: never[]) => unknown) {
  return applyDecorators(
    ApiQuery({
      name: '_start',
      required: false,
      description: 'First row, 0-based, inclusive.',
      schema: { type: 'integer', minimum: 0, default: 0 },
    }),
    ApiQuery({
      name: '_end',
      required: false,
      description: `Row after the last one (exclusive). Default _start + ${DEFAULT_PAGE_SIZE}; at most ${MAX_PAGE_SIZE} rows per page.`,
      schema: { type: 'integer', minimum: 0 },
    }),
    ApiQuery({ name: '_sort', required: false, schema: { type: 'string', enum: [...spec.sortFields], default: spec.defaultSort.field } }),
    ApiQuery({ name: '_order', required: false, schema: { type: 'string', enum: ['ASC', 'DESC'], default: spec.defaultSort.order } }),
    ApiFilters(spec.filters),
    ApiOkResponse({
      type: rowType,
      isArray: true,
      headers: {
        'X-Total-Count': {
          description: `Number of rows matching the filters: exact up to ${DEFAULT_EXACT_COUNT_LIMIT.toLocaleString('en')} (EXACT_COUNT_LIMIT), PostgreSQL's estimate above.`,
          schema: { type: 'integer' },
        },
        'X-Total-Count-Estimated': { description: 'true when X-Total-Count is an estimate.', schema: { type: 'string', enum: ['true'] } },
      },
    }),
  );
}
