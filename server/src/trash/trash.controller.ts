import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import { Access } from '../auth/access.decorator';
import { CurrentAuthor, RecordAuthor } from '../records/collection/record-author';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { IdPipe } from '../kernel/validation/id.pipe';
import { RECORD_RESOURCES } from '../history/revision.entity';
import { TRASH_FILTERS, TRASH_LIST_SPEC, TrashSort } from './trash-list';
import { ANY_RECORD, TrashRow } from './trash.dto';
import { TrashService } from './trash.service';

const RESOURCE_PARAM = ApiParam({ name: 'resource', enum: RECORD_RESOURCES });

@ApiTags('trash')
@Access('admin')
@Controller('trash')
export class TrashController {
  constructor(private readonly trash: TrashService) {}

  @ListEndpoint(TRASH_LIST_SPEC, TrashRow)
  @ApiOperation({ summary: 'List the trash', description: 'Deleted records of every collection.' })
  list(@ListQueryParam(TRASH_LIST_SPEC) query: ListQuery<typeof TRASH_FILTERS, TrashSort>) {
    return this.trash.list(query);
  }

  @Post(':resource/:id/restore')
  @HttpCode(200)
  @RESOURCE_PARAM
  @ApiOperation({ summary: 'Restore a record from the trash', description: 'The record is live again, as it was when it was deleted.' })
  @ApiOkResponse({ schema: ANY_RECORD, description: 'The record, live again.' })
  @ApiErrorResponses([404, 'No such record.'], [409, 'The record is not in the trash, or what it names is (restore that first).'])
  restore(@Param('resource') resource: string, @Param('id', IdPipe) id: number, @CurrentAuthor() author: RecordAuthor) {
    return this.trash.restore(resource, id, author);
  }

  @Delete(':resource/:id')
  @RESOURCE_PARAM
  @ApiOperation({ summary: 'Delete a record for good', description: 'Only from the trash; its history stays.' })
  @ApiOkResponse({ schema: ANY_RECORD, description: 'The record as it was; deleted for good, its history kept.' })
  @ApiErrorResponses(
    [404, 'No such record.'],
    [409, 'The record is not in the trash, or other records still use it (those in the trash too).'],
  )
  purge(@Param('resource') resource: string, @Param('id', IdPipe) id: number, @CurrentAuthor() author: RecordAuthor) {
    return this.trash.purge(resource, id, author);
  }
}
