/** What the soak's processes tell each other (IPC) and what its results file holds. */

/** The data the load is drawn from, chosen before the run (soak-database.ts). */
export interface SoakParameters {
  /** Generated statements the soak reads but never writes (so they always answer 200). */
  baseIds: number[];
  baseStatements: number;
  typicalSpeakerIds: number[];
  actorIds: number[];
  topicIds: number[];
  stanceIds: number[];
  sourceIds: number[];
  /** Actors created for this run: every statement the soak creates is theirs, so their export is exactly the soak's live records. */
  soakSpeakerIds: number[];
  commonWord: string;
}

export interface DriverJob {
  base: string;
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
  parameters: SoakParameters;
}

/** Counts so far, sent every second while the load runs. */
export interface Totals {
  requests: number;
  fiveXx: number;
  networkErrors: number;
  /** Answers with a status the request did not expect, below 500 (a 400 from a malformed request, a 404 for a live record). */
  unexpected: number;
  /** Answers that were well-formed but wrong: acknowledged content not stored, both sides of a race winning, a cut-off export. */
  violations: number;
}

export interface KindFigures {
  requests: number;
  statuses: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface LoadSummary extends Totals {
  seconds: number;
  requestsPerSecond: number;
  /** Per request label (list, by-id, create, …). */
  byKind: Record<string, KindFigures>;
  /** How often each operation of the mix ran (an operation may send several requests). */
  operations: Record<string, number>;
  samples: { networkErrors: string[]; unexpected: string[]; violations: string[] };
}

export interface Verification {
  /** Statements the soak created (each one an entry of the ledger). */
  records: number;
  live: number;
  trashed: number;
  /** Every acknowledged create, update, delete and restore of those records. */
  acknowledgedWrites: number;
  /** Records read back one by one (GET /api/statements/:id) as the ledger says. */
  readById: number;
  /** Live records found, identical, in GET /api/statements?id=…&id=… */
  readInList: number;
  /** Live records found in the NDJSON export of the soak's speakers (which must hold nothing else). */
  readInExport: number;
  mismatches: number;
  mismatchSamples: string[];
  seconds: number;
}

export type DriverMessage =
  | { type: 'tick'; totals: Totals }
  | { type: 'loaded'; summary: LoadSummary }
  | { type: 'verified'; verification: Verification }
  | { type: 'failed'; error: string };
