import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import type { Request } from 'express';
import { IdPipe } from '../kernel/validation/id.pipe';
import { ApiTooManyExports, ExportSlots } from '../exports/export-slots';
import { Access, SessionOnly } from './access.decorator';
import {
  CallerRecord,
  ChangePasswordInput,
  ExportTicket,
  LoginInput,
  NewPersonalToken,
  PersonalTokenInput,
  PersonalTokenRecord,
  SessionRecord,
} from './auth.dto';
import { AuthService } from './auth.service';
import { PASSWORD_HASHING_503 } from './password-hashing';
import { AuthenticatedRequest, CurrentPrincipal, Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly exportSlots: ExportSlots,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'Sign in', description: 'A session token for an email and password.' })
  @ApiOkResponse({ type: SessionRecord })
  @ApiErrorResponses(
    [401, 'The email or the password is wrong, or the one-time password has expired (said only when it was right).'],
    [403, 'The account is deactivated.'],
    [429, 'Too many failed attempts for this account, from this address, or from this address on this account; see Retry-After.'],
    PASSWORD_HASHING_503,
  )
  login(@Body() input: LoginInput, @Req() request: Request) {
    return this.auth.login(input.email, input.password, request.ip ?? 'unknown');
  }

  @Post('logout')
  @HttpCode(204)
  @Access('account')
  @ApiOperation({ summary: 'Sign out', description: 'Revokes the token the request is sent with.' })
  @ApiNoContentResponse({ description: 'The token is revoked.' })
  logout(@CurrentPrincipal() principal: Principal) {
    return this.auth.logout(principal);
  }

  @Get('me')
  @Access('account')
  @ApiOperation({ summary: 'Who am I', description: 'The account and the credential the request is sent with.' })
  @ApiOkResponse({ type: CallerRecord })
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal);
  }

  @Post('password')
  @HttpCode(204)
  @Access('account')
  @ApiOperation({ summary: 'Change my password', description: 'The current password, and a new one of at least 10 characters.' })
  @ApiNoContentResponse({
    description: 'Changed; the account’s other sessions are signed out, and its personal tokens revoked unless keepPersonalTokens.',
  })
  @ApiErrorResponses(PASSWORD_HASHING_503)
  changePassword(@CurrentPrincipal() principal: Principal, @Body() input: ChangePasswordInput) {
    return this.auth.changePassword(principal, input.currentPassword, input.newPassword, input.keepPersonalTokens);
  }

  @Get('tokens')
  @Access('member')
  @ApiOperation({ summary: 'My personal API tokens', description: 'Those not revoked, without their secrets.' })
  @ApiOkResponse({ type: [PersonalTokenRecord] })
  listTokens(@CurrentPrincipal() principal: Principal) {
    return this.auth.listPersonalTokens(principal);
  }

  @Post('tokens')
  @Access('member')
  @SessionOnly()
  @ApiOperation({ summary: 'Make a personal API token', description: 'Only from a signed-in session, never with another token.' })
  @ApiCreatedResponse({ type: NewPersonalToken, description: 'The token record plus `token`, shown this once.' })
  createToken(@CurrentPrincipal() principal: Principal, @Body() input: PersonalTokenInput) {
    return this.auth.createPersonalToken(principal, input.name, input.scope, input.expiresInDays);
  }

  @Delete('tokens/:id')
  @Access('member')
  @ApiOperation({ summary: 'Revoke a personal API token', description: 'It stops working at once.' })
  @ApiOkResponse({ type: PersonalTokenRecord, description: 'The token, now revoked.' })
  @ApiErrorResponses([404, 'You have no such token.'])
  revokeToken(@CurrentPrincipal() principal: Principal, @Param('id', IdPipe) id: number) {
    return this.auth.revokePersonalToken(principal, id);
  }

  @Post('export-ticket')
  @Access('member')
  @ApiOperation({
    summary: 'Get an export ticket',
    description:
      'A one-use credential for a plain browser download of one export, valid 60 s. Refused (429) when the export would be: ' +
      'a browser download cannot show the refusal to whoever clicked, the page asking for the ticket can.',
  })
  @ApiCreatedResponse({ type: ExportTicket, description: 'Append ticket=… to one export URL within 60 s.' })
  @ApiTooManyExports()
  exportTicket(@CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest) {
    this.exportSlots.expectRoomFor(request);
    return this.auth.createExportTicket(principal);
  }
}
