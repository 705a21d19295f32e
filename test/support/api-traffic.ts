import type { Client } from 'pg';

/**
 * Live traffic against a running server, for fault tests: a few clients in loops, each
 * writing statements of its own (creates, and whole-record updates with their version) and
 * reading (list, by id, timeline, a small export, health). Every exchange is recorded with
 * its timing, and every write answered 2xx goes into a ledger that can be checked against
 * the database afterwards.
 */
export type RequestKind = 'list' | 'one' | 'timeline' | 'export' | 'health' | 'create' | 'update';

export interface Exchange {
  client: string;
  kind: RequestKind;
  sentAt: number;
  answeredAt: number;
  /** HTTP status, or 0 when no answer came (connection reset, refused, timed out). */
  status: number;
  body: unknown;
  failure?: string;
}

/** A write the API acknowledged: the record as the 2xx answer showed it. */
export interface AcknowledgedWrite {
  id: number;
  version: number;
  headline: string;
  topicIds: number[];
  answeredAt: number;
}

type StatementRecord = Record<string, unknown> & { id: number; version: number; headline: string; topicIds: number[] };

interface OwnStatement {
  record: StatementRecord;
  /** The last write to it got no 2xx: it may or may not have happened, so re-read before writing again. */
  uncertain: boolean;
}

export interface TrafficOptions {
  base: string;
  token: string;
  speakerIds: number[];
  topicIds: number[];
  /** An answer slower than this counts as a hang (the exchange records status 0). */
  timeoutMs?: number;
}

const READS: RequestKind[] = ['list', 'one', 'timeline', 'export', 'health'];

export class Traffic {
  readonly exchanges: Exchange[] = [];
  readonly acknowledged: AcknowledgedWrite[] = [];
  private readonly owned = new Map<number, OwnStatement>();
  private readonly loops: Promise<void>[] = [];
  private running = true;
  private serial = 0;

  constructor(private readonly options: TrafficOptions) {}

  /** A client that writes statements of its own and reads between its writes. */
  addWriter(name: string): void {
    const mine: number[] = [];
    const steps: RequestKind[] = ['create', 'list', 'update', 'one', 'timeline', 'update', 'export', 'health'];
    this.loops.push(this.loop(name, this.options.token, steps, mine));
  }

  /** A client that only reads, with a token of its own (`token`: one the server has not seen, so not in its cache). */
  addReader(name: string, token: string): void {
    this.loops.push(this.loop(name, token, READS, []));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Every acknowledged write, checked against the database: problems in words, none when all is there. */
  async verify(db: Client): Promise<string[]> {
    const problems: string[] = [];
    for (const ack of this.acknowledged) {
      const { rows } = await db.query(
        `SELECT after->>'headline' AS headline, after->'topicIds' AS "topicIds" FROM revisions
          WHERE resource = 'statements' AND record_id = $1 AND version = $2`,
        [ack.id, ack.version],
      );
      const { answeredAt: _, ...acknowledged } = ack;
      if (rows.length !== 1) problems.push(`statement ${ack.id} v${ack.version} was acknowledged; ${rows.length} revisions of it`);
      else if (rows[0].headline !== ack.headline || JSON.stringify(rows[0].topicIds) !== JSON.stringify(ack.topicIds)) {
        problems.push(
          `statement ${ack.id} v${ack.version}: acknowledged ${JSON.stringify(acknowledged)}, stored ${JSON.stringify(rows[0])}`,
        );
      }
    }
    for (const [id, own] of this.owned) {
      if (own.uncertain) continue;
      const { rows } = await db.query('SELECT version, headline FROM statements WHERE id = $1', [id]);
      if (rows[0]?.version !== own.record.version || rows[0]?.headline !== own.record.headline) {
        problems.push(`statement ${id}: last acknowledged v${own.record.version} "${own.record.headline}", now ${JSON.stringify(rows[0])}`);
      }
    }
    return problems;
  }

  private async loop(name: string, token: string, steps: RequestKind[], mine: number[]): Promise<void> {
    for (let step = 0; this.running; step++) {
      const kind = steps[step % steps.length];
      if (kind === 'create') await this.create(name, token, mine);
      else if (kind === 'update') await this.update(name, token, mine);
      else await this.read(name, token, kind, mine);
      // No answer at all (the server is gone): no point in spinning.
      if (this.exchanges.at(-1)?.status === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async create(name: string, token: string, mine: number[]): Promise<void> {
    const n = ++this.serial;
    const { speakerIds, topicIds } = this.options;
    const body = {
      type: 'statement',
      date: `2019-02-${String(1 + (n % 28)).padStart(2, '0')}`,
      headline: `${name} statement ${n}`,
      speakerId: speakerIds[n % speakerIds.length],
      participantIds: [speakerIds[(n + 1) % speakerIds.length]],
      topicIds: [topicIds[n % topicIds.length]],
      reviewStatus: 'draft',
    };
    const answer = await this.send(name, token, 'create', 'POST', '/api/statements', body);
    if (answer.status !== 201) return;
    const record = answer.body as StatementRecord;
    mine.push(record.id);
    this.owned.set(record.id, { record, uncertain: false });
    this.acknowledge(record);
  }

  private async update(name: string, token: string, mine: number[]): Promise<void> {
    const id = mine[this.serial % Math.max(mine.length, 1)];
    const own = id === undefined ? undefined : this.owned.get(id);
    if (!own) return;
    if (own.uncertain) {
      const answer = await this.send(name, token, 'one', 'GET', `/api/statements/${id}`);
      if (answer.status === 200) this.owned.set(id, { record: answer.body as StatementRecord, uncertain: false });
      return;
    }
    const n = ++this.serial;
    const change = {
      ...own.record,
      headline: `${name} statement ${id} edit ${n}`,
      topicIds: [this.options.topicIds[n % this.options.topicIds.length]],
    };
    own.uncertain = true;
    const answer = await this.send(name, token, 'update', 'PUT', `/api/statements/${id}`, change);
    if (answer.status !== 200) return;
    const record = answer.body as StatementRecord;
    this.owned.set(id, { record, uncertain: false });
    this.acknowledge(record);
  }

  private async read(name: string, token: string, kind: RequestKind, mine: number[]): Promise<void> {
    const speakerId = this.options.speakerIds[this.serial % this.options.speakerIds.length];
    const paths: Record<string, string> = {
      list: `/api/statements?_start=0&_end=10&_sort=date&_order=DESC&speakerId=${speakerId}`,
      one: `/api/statements/${mine.at(-1) ?? 1}`,
      timeline: `/api/timeline?speakerId=${speakerId}`,
      export: `/api/statements/export?format=ndjson&speakerId=${speakerId}&date_lte=2019-01-31`,
      health: '/api/health',
    };
    await this.send(name, token, kind, 'GET', paths[kind]);
  }

  private acknowledge(record: StatementRecord): void {
    this.acknowledged.push({
      id: record.id,
      version: record.version,
      headline: record.headline,
      topicIds: record.topicIds,
      answeredAt: Date.now(),
    });
  }

  private async send(name: string, token: string, kind: RequestKind, method: string, path: string, body?: object): Promise<Exchange> {
    const sentAt = Date.now();
    const exchange: Exchange = { client: name, kind, sentAt, answeredAt: 0, status: 0, body: undefined };
    try {
      const response = await fetch(`${this.options.base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      const text = await response.text();
      exchange.status = response.status;
      exchange.body = kind === 'export' && response.status === 200 ? text : JSON.parse(text);
    } catch (error) {
      exchange.failure = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ''}`.trim();
    }
    exchange.answeredAt = Date.now();
    this.exchanges.push(exchange);
    return exchange;
  }
}
