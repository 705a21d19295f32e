import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { IdPipe } from '../kernel/validation/id.pipe';
import { Access, SessionOnly } from './access.decorator';
import { ChangePasswordInput, LoginInput, PersonalTokenInput } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentPrincipal, Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOkResponse({ description: '{ token, expiresAt, user }' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts for this account or address; see Retry-After.' })
  login(@Body() input: LoginInput, @Req() request: Request) {
    return this.auth.login(input.email, input.password, request.ip ?? 'unknown');
  }

  @Post('logout')
  @HttpCode(204)
  @Access('account')
  @ApiNoContentResponse({ description: 'The token is revoked.' })
  logout(@CurrentPrincipal() principal: Principal) {
    return this.auth.logout(principal);
  }

  @Get('me')
  @Access('account')
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal);
  }

  @Post('password')
  @HttpCode(204)
  @Access('account')
  @ApiNoContentResponse({ description: 'Changed; the account’s other sessions are signed out.' })
  changePassword(@CurrentPrincipal() principal: Principal, @Body() input: ChangePasswordInput) {
    return this.auth.changePassword(principal, input.currentPassword, input.newPassword);
  }

  @Get('tokens')
  @Access('member')
  listTokens(@CurrentPrincipal() principal: Principal) {
    return this.auth.listPersonalTokens(principal);
  }

  @Post('tokens')
  @Access('member')
  @SessionOnly()
  @ApiCreatedResponse({ description: 'The token record plus `token`, shown this once.' })
  createToken(@CurrentPrincipal() principal: Principal, @Body() input: PersonalTokenInput) {
    return this.auth.createPersonalToken(principal, input.name, input.scope, input.expiresInDays);
  }

  @Delete('tokens/:id')
  @Access('member')
  revokeToken(@CurrentPrincipal() principal: Principal, @Param('id', IdPipe) id: number) {
    return this.auth.revokePersonalToken(principal, id);
  }

  @Post('export-ticket')
  @Access('member')
  @ApiCreatedResponse({ description: '{ ticket, expiresAt }: append ticket=… to one export URL within 60 s.' })
  exportTicket(@CurrentPrincipal() principal: Principal) {
    return this.auth.createExportTicket(principal);
  }
}
