import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { PASSWORD_HASHING_503 } from '../auth/password-hashing';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { IdPipe } from '../kernel/validation/id.pipe';
import { AccountRecord, InvitedAccount, OneTimePassword, UserChange, UserInvite, UserPatch } from './user.dto';
import { UsersService } from './users.service';
import { USER_FILTERS, USER_LIST_SPEC, UserSort } from './users.table';

@ApiTags('users')
@Controller('users')
@Access('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ListEndpoint(USER_LIST_SPEC, AccountRecord)
  @ApiOperation({ summary: 'List accounts', description: 'Every account, active or not.' })
  list(@ListQueryParam(USER_LIST_SPEC) query: ListQuery<typeof USER_FILTERS, UserSort>) {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get one account', description: 'Its name, role, state and last sign-in.' })
  @ApiOkResponse({ type: AccountRecord })
  @ApiErrorResponses(404)
  get(@Param('id', IdPipe) id: number) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Invite an account',
    description:
      'A new account with a one-time password it must replace at its first sign-in, within ONE_TIME_PASSWORD_TTL_HOURS (72 h by default).',
  })
  @ApiCreatedResponse({ type: InvitedAccount, description: 'The account plus `oneTimePassword`, shown this once.' })
  @ApiErrorResponses([409, 'An account with this email exists.'], PASSWORD_HASHING_503)
  invite(@Body() input: UserInvite, @CurrentPrincipal() principal: Principal) {
    return this.users.invite(input, principal.user.id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Change an account',
    description: 'Its display name, role, or whether it is active (false revokes its tokens).',
  })
  @ApiOkResponse({ type: AccountRecord })
  @ApiErrorResponses(404, [409, 'The change would leave no active admin.'])
  replace(@Param('id', IdPipe) id: number, @Body() change: UserChange, @CurrentPrincipal() principal: Principal) {
    return this.users.update(id, change, principal.user.id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change some fields of an account', description: 'The same as PUT.' })
  @ApiOkResponse({ type: AccountRecord })
  @ApiErrorResponses(404, [409, 'The change would leave no active admin.'])
  patch(@Param('id', IdPipe) id: number, @Body() change: UserPatch, @CurrentPrincipal() principal: Principal) {
    return this.users.update(id, change, principal.user.id);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: "Reset an account's password",
    description: 'A new one-time password, valid for ONE_TIME_PASSWORD_TTL_HOURS (72 h by default); the account’s tokens are revoked.',
  })
  @ApiOkResponse({ type: OneTimePassword })
  @ApiErrorResponses(404, PASSWORD_HASHING_503)
  resetPassword(@Param('id', IdPipe) id: number, @CurrentPrincipal() principal: Principal) {
    return this.users.resetPassword(id, principal.user.id);
  }
}
