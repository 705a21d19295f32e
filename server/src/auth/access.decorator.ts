import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import type { CollectionAccess } from '../records/collection/collection.controller';

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
    ? // No credential needed: the document says so (an empty security requirement), rather than saying nothing.
      applyDecorators(SetMetadata(ACCESS_KEY, level), ApiSecurity({}))
    : // 401 and 403 are documented for every route with a security requirement (documentSharedRefusals).
      applyDecorators(SetMetadata(ACCESS_KEY, level), ApiBearerAuth());

/** A curated collection's access: anyone who may read reads it; editors (or only admins: the stance scale) write it. */
export const collectionAccess = (write: 'edit' | 'admin'): CollectionAccess => ({ read: Access('read'), write: Access(write) });

/** The route also accepts a one-use `ticket` query parameter (export downloads from a browser link). */
export const AcceptsExportTicket = () => SetMetadata(EXPORT_TICKET_KEY, true);

export const SESSION_ONLY_KEY = 'chronicle:session-only';

/** Only with a signed-in session, never with a personal token (a read-only token must not mint a read-write one). */
export const SessionOnly = () => SetMetadata(SESSION_ONLY_KEY, true);
