import { TEST_USERS } from '../../../support/test-users';
import { FuzzApp, IdListName, KnownIds } from './fuzz-app';
import { collectionOf, Route } from './routes';

/*
 * Valid requests for every route, which the fuzzer then garbles one piece at a time: a
 * request that only goes wrong where the fuzzer put garbage tells whether the error names
 * that place.
 */

/** A valid body to create a record of each collection (unique names may still meet a 409). */
function createBody(collection: string, known: KnownIds): Record<string, unknown> {
  switch (collection) {
    case 'statements':
      return { date: '2019-01-14', headline: 'Fuzz statement', speakerId: known.actors[0], topicIds: known.topics.slice(0, 1) };
    case 'actors':
      return { name: 'Fuzz Actor', kind: 'person', aliases: ['Fuzz'] };
    case 'sources':
      return { title: 'Fuzz source', publishedOn: '2019-01-14', authors: ['A. Writer'] };
    case 'topics':
      return { name: 'Fuzz topic' };
    case 'stances':
      return { name: 'Fuzz stance', score: 0, color: '#123456' };
    case 'users':
      return { email: 'fuzz.invitee@test.example', displayName: 'Fuzz Invitee', role: 'viewer' };
    case 'snapshots':
      return { title: 'Fuzz snapshot', note: 'made by the fuzzer', query: `speakerId=${known.actors[0]}&_sort=date` };
    case 'saved-queries':
      return { name: 'Fuzz saved query', query: `speakerId=${known.actors[0]}&_sort=date`, shared: true };
    default:
      throw new Error(`no create body for ${collection}`);
  }
}

/**
 * Bodies that are valid except where `baseGarbled` says: changing a password needs the current
 * one, and the fuzzer never knows it (so that it cannot change a test account's password).
 */
const FIXED_BODIES: Record<string, { body: Record<string, unknown>; baseGarbled?: string[] }> = {
  'POST /api/auth/login': { body: { email: TEST_USERS.viewer.email, password: 'not-the-password' }, baseGarbled: ['password'] },
  'POST /api/auth/password': {
    body: { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' },
    baseGarbled: ['currentPassword'],
  },
  'POST /api/auth/tokens': { body: { name: 'fuzz token', scope: 'read', expiresInDays: 30 } },
  'PUT /api/users/{id}': { body: { displayName: 'Fuzz Target', role: 'editor', active: true } },
  'PATCH /api/users/{id}': { body: { displayName: 'Fuzz Target' } },
};

export interface BaseRequest {
  body?: Record<string, unknown>;
  /** An upload's body: a file, as its type. */
  raw?: { contentType: string; body: string };
  /** Fields the base itself gets wrong (see FIXED_BODIES). */
  baseGarbled: string[];
}

/** The current record as the admin reads it, or undefined (a garbage or missing id). */
async function current(app: FuzzApp, collection: string, id: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (!id || !/^[1-9]\d{0,9}$/.test(id)) return undefined;
  const res = await app.t.http().get(`/api/${collection}/${id}`);
  return res.status === 200 ? res.body : undefined;
}

/** A valid body for the route (`id` is the path's id, decoded, when it has one). */
export async function baseRequest(app: FuzzApp, route: Route, id?: string): Promise<BaseRequest> {
  const name = `${route.method} ${route.template}`;
  if (FIXED_BODIES[name]) return { body: { ...FIXED_BODIES[name].body }, baseGarbled: FIXED_BODIES[name].baseGarbled ?? [] };
  if (route.upload) {
    const row = `fuzz-import,2019-01-14,${app.known.actors[0]},Fuzz import`;
    return { raw: { contentType: 'text/csv', body: `key,date,speaker,headline\r\n${row}\r\n` }, baseGarbled: [] };
  }
  if (!route.body) return { baseGarbled: [] };
  if (/\/restore$/.test(route.template)) return { body: {}, baseGarbled: [] };
  const collection = collectionOf(route.template)!;
  if (route.method === 'POST') return { body: createBody(collection, app.known), baseGarbled: [] };
  const record = await current(app, collection, id);
  if (route.method === 'PATCH') return { body: { version: record?.version ?? 1 }, baseGarbled: [] };
  // PUT: the whole record back, read-only fields included, as react-admin sends it.
  return { body: record ?? { ...createBody(collection, app.known), version: 1 }, baseGarbled: [] };
}

/** A valid query for the route: the parameters it requires. */
export function baseQuery(route: Route): [string, string][] {
  if (route.template === '/api/statements/export') return [['format', 'csv']];
  if (route.template === '/api/edtf') return [['date', '2019-01']];
  if (route.template === '/api/analysis/network') return [['kind', 'actor-topic']];
  if (route.template === '/api/snapshots/{id}/export') return [['format', 'ndjson']];
  if (route.template === '/api/snapshots/{id}/citation') return [['style', 'apa']];
  if (route.template === '/api/snapshots/{id}/network') return [['kind', 'replies']];
  if (route.template === '/api/edtf/suggestions') return [['text', 'c.2019']];
  // An import's base request checks its file and writes nothing.
  if (route.template === '/api/imports' && route.method === 'POST') return [['dryRun', 'true']];
  return [];
}

/** An id of a record that exists, for a path parameter of the route (`earlier`: the values of the parameters before it). */
export function knownPathValue(app: FuzzApp, route: Route, param: string, pick: number, earlier: Record<string, string>): string {
  const list = (ids: number[]) => String(ids.length ? ids[pick % ids.length] : 2_000_000_000);
  if (param === 'resource') return ['statements', 'actors', 'sources', 'topics', 'stances'][pick % 5];
  if (param === 'revisionId') return list(app.known.revisions[`${collectionOf(route.template)}/${earlier.id}`] ?? []);
  const resource = earlier.resource;
  if (route.template.startsWith('/api/auth/tokens')) return list(app.known.tokens);
  const collection = route.template.startsWith('/api/trash') ? resource : collectionOf(route.template);
  // A garbage `resource` (say "constructor") names no list.
  return list(collection && Object.hasOwn(app.known, collection) ? app.known[collection as IdListName] : []);
}
