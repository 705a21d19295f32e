import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentAuthor, RecordAuthor } from '../records/collection/record-author';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { IdPipe } from '../kernel/validation/id.pipe';
import { REVISION_RESOURCES } from '../history/revision.entity';
import { TRASH_FILTERS, TRASH_LIST_SPEC, TrashSort } from './trash-list';
import { TrashService } from './trash.service';

class TrashRowDoc {}
const RESOURCE_PARAM = ApiParam({ name: 'resource', enum: REVISION_RESOURCES });

@ApiTags('trash')
@Access('admin')
@Controller('trash')
export class TrashController {
  constructor(private readonly trash: TrashService) {}

  @ListEndpoint(TRASH_LIST_SPEC, TrashRowDoc)
  list(@ListQueryParam(TRASH_LIST_SPEC) query: ListQuery<typeof TRASH_FILTERS, TrashSort>) {
    return this.trash.list(query);
  }

  @Post(':resource/:id/restore')
  @HttpCode(200)
  @RESOURCE_PARAM
  @ApiOkResponse({ description: 'The record, live again.' })
  restore(@Param('resource') resource: string, @Param('id', IdPipe) id: number, @CurrentAuthor() author: RecordAuthor) {
    return this.trash.restore(resource, id, author);
  }

  @Delete(':resource/:id')
  @RESOURCE_PARAM
  @ApiOkResponse({ description: 'The record as it was; deleted for good, its history kept.' })
  purge(@Param('resource') resource: string, @Param('id', IdPipe) id: number, @CurrentAuthor() author: RecordAuthor) {
    return this.trash.purge(resource, id, author);
  }
}
