import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { attributeRequestTo, limitRequestToPublished } from '../records/collection/record-author';
import { ROLE_RANK } from '../users/user.entity';
import { ACCESS_KEY, AccessLevel, EXPORT_TICKET_KEY, SESSION_ONLY_KEY } from './access.decorator';
import { AUTH_OPTIONS, AuthOptions } from './auth-options';
import { forbidden, unauthorized } from './auth-errors';
import { AuthService } from './auth.service';
import { AuthenticatedRequest, Principal } from './principal';

const REQUIRED_RANK: Record<Exclude<AccessLevel, 'public' | 'account'>, number> = {
  read: ROLE_RANK.viewer,
  member: ROLE_RANK.viewer,
  edit: ROLE_RANK.editor,
  admin: ROLE_RANK.admin,
};
const ROLE_NAME: Record<number, string> = { 1: 'viewer', 2: 'editor', 3: 'admin' };

/** What the principal may do: its role, lowered to a viewer's by a read-only token. */
export function effectiveRank(principal: Principal): number {
  const rank = ROLE_RANK[principal.user.role];
  return principal.token.scope === 'read' ? Math.min(rank, ROLE_RANK.viewer) : rank;
}

/**
 * The one place that decides who may call what, for every route (registered globally).
 * A route without an @Access level is refused: forgetting to declare one cannot open it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const level = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!level) {
      this.logger.error(`${request.method} ${request.route?.path ?? request.path} declares no access level; refused`);
      throw forbidden('This route declares no access rule.');
    }
    if (level === 'public') return true;

    const acceptsTicket = this.reflector.getAllAndOverride<boolean | undefined>(EXPORT_TICKET_KEY, targets) === true;
    const principal = await this.principal(request, acceptsTicket);
    if (!principal) {
      if (level === 'read' && this.options.publicRead) {
        if (this.options.publicRead === 'verified') limitRequestToPublished(request);
        return true;
      }
      throw unauthorized('Sign in first: send Authorization: Bearer <token> (POST /api/auth/login gives one).');
    }
    request.principal = principal;
    attributeRequestTo(request, { id: principal.user.id });
    if (principal.token.kind !== 'session' && this.reflector.getAllAndOverride<boolean | undefined>(SESSION_ONLY_KEY, targets)) {
      throw forbidden('Only a signed-in session may do this, not a personal token.');
    }
    if (level === 'account') return true;
    if (principal.user.mustChangePassword) {
      throw forbidden('Choose your own password first (POST /api/auth/password).', {
        password: 'the one-time password must be changed before anything else',
      });
    }
    const rank = effectiveRank(principal);
    const required = REQUIRED_RANK[level];
    if (rank < required) {
      const why =
        principal.token.scope === 'read' && ROLE_RANK[principal.user.role] >= required
          ? 'this token is read-only'
          : `your role is ${principal.user.role}`;
      throw forbidden(`This needs the ${ROLE_NAME[required]} role; ${why}.`);
    }
    return true;
  }

  private async principal(request: AuthenticatedRequest, acceptsTicket: boolean): Promise<Principal | undefined> {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer +([A-Za-z0-9_\-.~+/]+=*) *$/i.exec(header);
      if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');
      return this.auth.authenticate(match[1]);
    }
    const ticket = (request.query as Record<string, unknown>).ticket;
    if (acceptsTicket && ticket !== undefined) {
      if (typeof ticket !== 'string') throw unauthorized('ticket must be given once.');
      return this.auth.redeemExportTicket(ticket);
    }
    return undefined;
  }
}
