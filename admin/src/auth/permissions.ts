import type { Role } from '../types';

/*
 * Who may do what, as docs/ACCOUNTS.md has the server enforce it. The admin uses it only to
 * leave out what the server would refuse (buttons, menu entries, pages); the server decides.
 */

/** Reading: every signed-in account. */
const READ_ACTIONS = new Set(['list', 'show', 'export']);
/** Create, edit, delete (to the trash) and revert: editors, on these collections. */
const EDITOR_WRITABLE = new Set(['statements', 'actors', 'sources', 'topics']);
/** Everything about these is for admins: accounts and the trash (restore, purge). */
const ADMIN_ONLY = new Set(['users', 'trash']);
/** Imports: editors import a file (create) and undo an import; nobody edits or deletes one. */
const EDITOR_IMPORT_ACTIONS = new Set(['create', 'undo']);
/** Snapshots: editors save one (create) and change its title and note (edit); deleting one is for admins. */
const EDITOR_SNAPSHOT_ACTIONS = new Set(['create', 'edit']);

/** `action` is react-admin's (list, show, create, edit, delete, clone, export), `revert` or `undo` (an import). */
export function roleCan(role: Role, action: string, resource: string): boolean {
  if (role === 'admin') return true;
  // Every account keeps its own saved queries, viewers too; whose one is, the server says (`mine`).
  if (resource === 'saved-queries') return true;
  if (ADMIN_ONLY.has(resource)) return false;
  if (READ_ACTIONS.has(action)) return true;
  if (resource === 'imports') return role === 'editor' && EDITOR_IMPORT_ACTIONS.has(action);
  if (resource === 'snapshots') return role === 'editor' && EDITOR_SNAPSHOT_ACTIONS.has(action);
  return role === 'editor' && EDITOR_WRITABLE.has(resource);
}
