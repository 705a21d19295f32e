import { StringDecoder } from 'node:string_decoder';
import { contentDifferences, LedgerEntry, recordDifferences, StatementContent, WriteLedger } from './soak-ledger';
import type { LoadStats } from './soak-stats';
import type { SoakParameters } from './soak-types';

/**
 * The soak's mixture: what each operation sends, which answers it expects, and what it
 * checks and records. Writes touch only statements the soak created (the ledger); reads and
 * exports also cover the generated base, which nothing writes, so their answers are known.
 */

export interface OperationContext {
  stats: LoadStats;
  ledger: WriteLedger;
  parameters: SoakParameters;
}

/** Runs one operation; false when it found nothing to work on (e.g. no record in the trash) and sent nothing. */
type Operation = (context: OperationContext) => Promise<boolean>;

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];
const chance = (p: number) => Math.random() < p;
/** Up to `most` distinct values, in random order (links keep their order: the server must too). */
function some<T>(values: readonly T[], most: number): T[] {
  const chosen = new Set<T>();
  const wanted = Math.floor(Math.random() * (most + 1));
  while (chosen.size < Math.min(wanted, values.length)) chosen.add(pick(values));
  return [...chosen];
}

// Every EDTF form the server derives bounds for, and text in the three scripts of the seed case.
const DATES = ['2019-01-14', '2019-06', '2019', '2018-23', '2019-06?', '2018~', '2019-01/2019-06', '1956-10-19', '2018-11-14'];
const HEADLINES = [
  'Abe: "We will put an end to this issue"',
  'Лавров: «Это российские территории»',
  '河野外相、モスクワでラブロフ外相と会談',
  'Summit planned for June in Osaka',
];
const QUOTES: [string, string][] = [
  ['Южные Курилы перешли к Советскому Союзу по итогам Второй мировой войны.', 'ru'],
  ['平和条約締結問題を、次の世代に先送りすることはしない。', 'ja'],
  ['We agreed to accelerate negotiations on the basis of the 1956 Declaration.', 'en'],
];
let written = 0;
/** A unique tag per write: every update changes the record (an unchanged PUT would not bump the version). */
const tag = () => `#${++written}`;

function newContent(p: SoakParameters, speakerId = pick(p.soakSpeakerIds)): StatementContent {
  const quote = chance(0.7) ? pick(QUOTES) : null;
  return {
    type: pick(['statement', 'meeting', 'document', 'event']),
    status: pick(['occurred', 'planned', 'cancelled']),
    date: pick(DATES),
    headline: `${pick(HEADLINES)} (soak ${tag()})`,
    quote: quote?.[0] ?? null,
    quoteLanguage: quote?.[1] ?? null,
    summary: chance(0.5) ? `Written by the soak test ${tag()}; «кавычки», 「括弧」, "quotes", =formula` : null,
    speakerId,
    speakerTitle: chance(0.5) ? 'Soak correspondent' : null,
    participantIds: some(p.actorIds, 3),
    topicIds: some(p.topicIds, 3),
    sourceIds: some(p.sourceIds, 3),
    stanceId: chance(0.8) ? pick(p.stanceIds) : null,
    respondsToId: chance(0.3) ? pick(p.baseIds) : null,
    venue: chance(0.5) ? 'press conference, Moscow' : null,
    location: chance(0.5) ? 'Москва' : null,
    reviewStatus: pick(['draft', 'verified']),
    notes: chance(0.3) ? `internal ${tag()}` : null,
  };
}

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
const statementPath = (id: number) => `/api/statements/${id}`;

/** A ledger entry held for the duration of `work`, then free again for the others. */
async function holding(
  context: OperationContext,
  state: LedgerEntry['state'],
  work: (entry: LedgerEntry) => Promise<void>,
): Promise<boolean> {
  const entry = context.ledger.claim(state);
  if (!entry) return false;
  try {
    await work(entry);
  } finally {
    context.ledger.release(entry);
  }
  return true;
}

/** Checks an acknowledged write's answer: the next version, and the content that was sent. */
function checkAnswer(
  context: OperationContext,
  what: string,
  row: Record<string, unknown>,
  version: number,
  content: StatementContent,
): void {
  const differences = contentDifferences(content, row);
  if (row.version !== version) differences.unshift(`version: expected ${version}, got ${JSON.stringify(row.version)}`);
  if (differences.length)
    context.stats.violation(`${what} of statement ${String(row.id)} acknowledged other content: ${differences.join('; ')}`);
}

/**
 * Reads and checks an export as it streams: NDJSON line by line (each must parse), CSV to
 * its final line break. An export that stops early must not pass for a short one.
 */
function exportChecker(format: 'csv' | 'ndjson') {
  // A chunk may end inside a multi-byte character (Japanese, Russian): the decoder keeps its first bytes.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let rows = 0;
  let broken: string | undefined;
  let last = 0;
  let bytes = 0;
  return {
    sink: (chunk: Buffer) => {
      bytes += chunk.length;
      last = chunk[chunk.length - 1] ?? last;
      if (format !== 'ndjson' || broken) return;
      const lines = (pending + decoder.write(chunk)).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        try {
          JSON.parse(line);
          rows++;
        } catch {
          broken = `line ${rows + 1} is not JSON: ${line.slice(0, 120)}`;
          return;
        }
      }
    },
    /** What is wrong with the export as received, if anything; NDJSON must hold at least `minimumRows`. */
    problem: (minimumRows = 0): string | undefined => {
      if (broken) return broken;
      // An NDJSON export of nothing is empty; anything else ends with a line break.
      if (format === 'ndjson' && bytes === 0 && minimumRows === 0) return undefined;
      if (last !== 10) return 'does not end with a line break';
      if (format === 'ndjson' && pending) return 'ends inside a line';
      if (format === 'ndjson' && rows < minimumRows) return `${rows} rows, expected at least ${minimumRows}`;
      return undefined;
    },
  };
}

function listQuery(p: SoakParameters): string {
  const filter = pick([
    `speakerId=${pick(p.typicalSpeakerIds)}`,
    `speakerId=${pick(p.soakSpeakerIds)}`,
    `speakerId=${p.typicalSpeakerIds.join('&speakerId=')}&date_gte=2010-01-01&date_lte=2014-12-31`,
    `topicId=${pick(p.topicIds)}&stanceId=${pick(p.stanceIds)}`,
    `actorId=${pick(p.actorIds)}`,
    `q=${p.commonWord}`,
    'type=meeting&status=planned',
    '',
  ]);
  const start = pick([0, 0, 0, 25, 100]);
  return `${filter}${filter ? '&' : ''}_start=${start}&_end=${start + 25}&_sort=${pick(['date', 'id', 'updatedAt'])}&_order=${pick(['ASC', 'DESC'])}`;
}

async function exportOnce(context: OperationContext, label: string, query: string, minimumRows = 0): Promise<void> {
  const format = pick(['csv', 'ndjson'] as const);
  const checker = exportChecker(format);
  const path = `/api/statements/export?format=${format}${query}`;
  // All workers share one account, which streams at most 2 exports at once (EXPORTS_PER_USER): a third is refused with 429.
  const answer = await context.stats.send(label, 'GET', path, [200, 429], { sink: checker.sink });
  const problem = answer?.status === 200 ? checker.problem(format === 'ndjson' ? minimumRows : 0) : undefined;
  if (problem) context.stats.violation(`${path}: ${problem}`);
}

export const OPERATIONS: Record<string, { weight: number; run: Operation }> = {
  // Reads of the generated base, which nothing writes: 200 every time.
  list: {
    weight: 20,
    run: async ({ stats, parameters }) => (await stats.send('list', 'GET', `/api/statements?${listQuery(parameters)}`, [200]), true),
  },
  'by-id': {
    weight: 18,
    run: async ({ stats, parameters }) => {
      const id = pick(parameters.baseIds);
      const answer = await stats.send('by-id', 'GET', statementPath(id), [200]);
      if (answer?.status === 200 && json(answer.body).id !== id) stats.violation(`GET ${statementPath(id)} answered another record`);
      return true;
    },
  },
  timeline: {
    weight: 8,
    run: async ({ stats, parameters: p }) => {
      const query = pick([
        `speakerId=${pick(p.typicalSpeakerIds)}`,
        `speakerId=${pick(p.soakSpeakerIds)}&order=desc`,
        `topicId=${pick(p.topicIds)}&limit=100`,
      ]);
      return (await stats.send('timeline', 'GET', `/api/timeline?${query}`, [200]), true);
    },
  },
  health: { weight: 3, run: async ({ stats }) => (await stats.send('health', 'GET', '/api/health', [200]), true) },
  // Read-your-writes under load: a held record is exactly as last acknowledged.
  'read-own': {
    weight: 6,
    run: (context) =>
      holding(context, 'live', async (entry) => {
        const answer = await context.stats.send('read-own', 'GET', statementPath(entry.id), [200]);
        if (answer?.status !== 200) return;
        const differences = recordDifferences(entry, json(answer.body));
        if (answer.headers.etag !== `"${entry.version}"`) differences.push(`ETag ${answer.headers.etag}, expected "${entry.version}"`);
        if (differences.length)
          context.stats.violation(`statement ${entry.id} read back unlike its last acknowledged write: ${differences.join('; ')}`);
      }),
  },
  create: {
    weight: 10,
    run: async (context) => {
      const content = newContent(context.parameters);
      const answer = await context.stats.send('create', 'POST', '/api/statements', [201], { body: content });
      if (answer?.status !== 201) return true;
      const row = json(answer.body);
      checkAnswer(context, 'POST', row, 1, content);
      context.ledger.add(row.id as number, row.version as number, content);
      return true;
    },
  },
  // PUT of a whole new record or PATCH of a few fields, based on the last acknowledged version.
  update: {
    weight: 10,
    run: (context) =>
      holding(context, 'live', async (entry) => {
        const replace = chance(0.5);
        const change: Partial<StatementContent> = replace
          ? newContent(context.parameters)
          : {
              headline: `Patched by the soak (${tag()})`,
              summary: chance(0.5) ? null : `patched ${tag()}`,
              topicIds: some(context.parameters.topicIds, 3),
            };
        const content = { ...entry.content, ...change };
        const answer = await context.stats.send('update', replace ? 'PUT' : 'PATCH', statementPath(entry.id), [200], {
          body: { ...change, version: entry.version },
        });
        if (answer?.status !== 200) return;
        const row = json(answer.body);
        checkAnswer(context, replace ? 'PUT' : 'PATCH', row, entry.version + 1, content);
        context.ledger.acknowledge(entry, row.version as number, 'live', content);
      }),
  },
  // Two saves from the same version at once: exactly one wins, the other gets 409 naming the winner's version.
  conflict: {
    weight: 3,
    run: (context) =>
      holding(context, 'live', async (entry) => {
        const changes = [0, 1].map(() => ({ headline: `Concurrent save (${tag()})` }));
        const answers = await Promise.all(
          changes.map((change) =>
            context.stats.send('conflict', 'PATCH', statementPath(entry.id), [200, 409], { body: { ...change, version: entry.version } }),
          ),
        );
        const won = answers.flatMap((answer, i) => (answer?.status === 200 ? [i] : []));
        if (answers.every((answer) => answer?.status === 200 || answer?.status === 409) && won.length !== 1) {
          context.stats.violation(
            `two concurrent saves of statement ${entry.id} from version ${entry.version}: ${won.length} won, exactly one must`,
          );
        }
        for (const answer of answers) {
          const current = answer?.status === 409 ? (json(answer.body).current as Record<string, unknown> | undefined) : undefined;
          if (current && current.version !== entry.version + 1) {
            context.stats.violation(
              `409 for statement ${entry.id} names version ${String(current.version)}, the winner's is ${entry.version + 1}`,
            );
          }
        }
        if (!won.length) return;
        const content = { ...entry.content, ...changes[won[won.length - 1]] };
        const row = json(answers[won[won.length - 1]]!.body);
        checkAnswer(context, 'concurrent PATCH', row, entry.version + 1, content);
        context.ledger.acknowledge(entry, row.version as number, 'live', content);
      }),
  },
  // To the trash (with If-Match), then a GET must say it is there. A little more often than
  // restores, so that the trash still holds records when they are all read back at the end.
  delete: {
    weight: 4,
    run: (context) =>
      holding(context, 'live', async (entry) => {
        const path = statementPath(entry.id);
        const answer = await context.stats.send('delete', 'DELETE', path, [200], { headers: { 'if-match': `"${entry.version}"` } });
        if (answer?.status !== 200) return;
        const row = json(answer.body);
        if (row.version !== entry.version + 1 || !row.deletedAt)
          context.stats.violation(`DELETE ${path} answered version ${String(row.version)}, deletedAt ${String(row.deletedAt)}`);
        context.ledger.acknowledge(entry, row.version as number, 'trashed');
        const read = await context.stats.send('read-trashed', 'GET', path, [404]);
        if (read?.status === 404 && !/in the trash/.test(read.body))
          context.stats.violation(`GET ${path} of a trashed statement: ${read.body.slice(0, 200)}`);
      }),
  },
  restore: {
    weight: 3,
    run: (context) =>
      holding(context, 'trashed', async (entry) => {
        const answer = await context.stats.send('restore', 'POST', `/api/trash/statements/${entry.id}/restore`, [200]);
        if (answer?.status !== 200) return;
        const row = json(answer.body);
        checkAnswer(context, 'restore', row, entry.version + 1, entry.content);
        context.ledger.acknowledge(entry, row.version as number, 'live');
      }),
  },
  'export-speaker': {
    weight: 6,
    run: async (context) => {
      const p = context.parameters;
      await exportOnce(context, 'export-speaker', `&speakerId=${pick([...p.typicalSpeakerIds, ...p.soakSpeakerIds])}`);
      return true;
    },
  },
};

/**
 * The export of everything, which at least holds the generated base (never deleted). It is
 * not drawn by weight but run on a schedule (soak-driver.ts): rare enough not to swamp the
 * mixture, and certain to happen even in the short run of the test suite.
 */
export const exportEverything = (context: OperationContext) => exportOnce(context, 'export-all', '', context.parameters.baseStatements);

const TOTAL_WEIGHT = Object.values(OPERATIONS).reduce((sum, op) => sum + op.weight, 0);

/** The name of an operation drawn by weight. */
export function drawOperation(): string {
  let r = Math.random() * TOTAL_WEIGHT;
  for (const [name, op] of Object.entries(OPERATIONS)) if ((r -= op.weight) < 0) return name;
  return 'list';
}
