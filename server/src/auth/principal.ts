import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { UserRole } from '../users/user.entity';
import type { TokenKind, TokenScope } from './auth-token.entity';

/** The signed-in account, as every request sees it. */
export interface SessionUser {
  id: number;
  email: string;
  displayName: string;
  role: UserRole;
  mustChangePassword: boolean;
}

/** Who is calling and with which credential; absent for anonymous (public) requests. */
export interface Principal {
  user: SessionUser;
  token: { id: number; kind: TokenKind; scope: TokenScope; expiresAt: Date | null };
}

export type AuthenticatedRequest = Request & { principal?: Principal };

/** The request's principal (routes at `account` level and up always have one). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route that does not require a signed-in account');
  return principal;
});
