import { applyDecorators, CallHandler, ExecutionContext, Get, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';
import type { JsonPage, Page } from './collection-reader';
import { ListSpec } from './filter-definitions';
import { ApiListQuery } from './list-query.decorators';

/**
 * Sends a Page as react-admin expects it: the rows as a JSON array, the total in X-Total-Count
 * (and X-Total-Count-Estimated: true when it is the planner's estimate). A page PostgreSQL
 * already wrote as JSON (readPageAsJson) is sent as it is.
 */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((page: Page<unknown> | JsonPage) => {
        const response = context.switchToHttp().getResponse<Response>();
        response.setHeader('X-Total-Count', String(page.total));
        if (page.estimated) response.setHeader('X-Total-Count-Estimated', 'true');
        if ('rows' in page) return page.rows;
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        return page.json;
      }),
    );
  }
}

/** `GET` list route of a collection: protocol documented from its spec, answered as a page. */
export const ListEndpoint = (spec: ListSpec, rowType: new (...args: never[]) => unknown) =>
  applyDecorators(Get(), ApiListQuery(spec, rowType), UseInterceptors(PageInterceptor));
