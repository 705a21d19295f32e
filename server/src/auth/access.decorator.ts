import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

/**
 * Who may call a route. Every route must declare one (the guard refuses routes that do not):
 * - `public`: anyone (login, health);
 * - `read`: viewers and up; anyone when PUBLIC_READ=true (collections, timeline, exports);
 * - `member`: viewers and up, never anonymous (history, activity feed);
 * - `edit`: editors and admins; `admin`: admins;
 * - `account`: any valid token, even one whose password must still be changed (me, logout, password).
 */
export const ACCESS_LEVELS = ['public', 'read', 'member', 'edit', 'admin', 'account'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

export const ACCESS_KEY = 'chronicle:access';
export const EXPORT_TICKET_KEY = 'chronicle:export-ticket';

export const Access = (level: AccessLevel) =>
  level === 'public'
    ? SetMetadata(ACCESS_KEY, level)
    : applyDecorators(
        SetMetadata(ACCESS_KEY, level),
        ApiBearerAuth(),
        ApiUnauthorizedResponse({ description: 'No valid bearer token.' }),
        ApiForbiddenResponse({ description: "The account's role or the token's scope does not allow this." }),
      );

/** The route also accepts a one-use `ticket` query parameter (export downloads from a browser link). */
export const AcceptsExportTicket = () => SetMetadata(EXPORT_TICKET_KEY, true);

export const SESSION_ONLY_KEY = 'chronicle:session-only';

/** Only with a signed-in session, never with a personal token (a read-only token must not mint a read-write one). */
export const SessionOnly = () => SetMetadata(SESSION_ONLY_KEY, true);
