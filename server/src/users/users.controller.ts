import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { IdPipe } from '../kernel/validation/id.pipe';
import { UserChange, UserInvite, UserPatch } from './user.dto';
import { UsersService } from './users.service';
import { USER_FILTERS, USER_LIST_SPEC, UserSort } from './users.table';

class UserRecordDoc {}

@ApiTags('users')
@Controller('users')
@Access('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ListEndpoint(USER_LIST_SPEC, UserRecordDoc)
  list(@ListQueryParam(USER_LIST_SPEC) query: ListQuery<typeof USER_FILTERS, UserSort>) {
    return this.users.list(query);
  }

  @Get(':id')
  get(@Param('id', IdPipe) id: number) {
    return this.users.get(id);
  }

  @Post()
  @ApiCreatedResponse({ description: 'The user plus `oneTimePassword`, shown this once.' })
  invite(@Body() input: UserInvite) {
    return this.users.create(input);
  }

  @Put(':id')
  replace(@Param('id', IdPipe) id: number, @Body() change: UserChange) {
    return this.users.update(id, change);
  }

  @Patch(':id')
  patch(@Param('id', IdPipe) id: number, @Body() change: UserPatch) {
    return this.users.update(id, change);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ oneTimePassword }' })
  resetPassword(@Param('id', IdPipe) id: number) {
    return this.users.resetPassword(id);
  }
}
