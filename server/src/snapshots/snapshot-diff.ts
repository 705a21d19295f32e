import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EXPORT_COLUMNS } from '../exports/export-columns';
import { statementRowsQuery } from '../exports/export-query';
import { filteredStatements, StatementFilters } from '../statements/statement-query';
import { canonicalJson } from './canonical-json';
import { FrozenStatement, frozenStatements } from './snapshot-lines';
import { parseSnapshotQuery } from './snapshot-query';
import { SnapshotRecord } from './snapshots.service';

/** Statements compared per round trip when diffing against now. */
const BATCH = 1_000;
/** Columns that move with every change and say nothing of what changed. */
const NOT_COMPARED = new Set(['id', 'created_at', 'updated_at']);

export type RemovalReason = 'trashed' | 'purged' | 'no longer matching' | 'not in the other snapshot';

export interface DiffEntry {
  id: number;
  headline: string;
  date: string;
  /** The current record (absent for a purged one). */
  url?: string;
}
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
export interface SnapshotDiff {
  from: { id: number; sha256: string; createdAt: Date };
  to: { id: number | null; sha256: string | null; at: Date };
  counts: { added: number; removed: number; changed: number; unchanged: number };
  added: DiffEntry[];
  removed: (DiffEntry & { reason: RemovalReason })[];
  changed: (DiffEntry & { fields: FieldChange[] })[];
}

/** The fields of `columns` whose values differ, compared in canonical JSON (so [1,2] equals [1,2], and "" differs from null). */
function changedFields(columns: string[], before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of columns) {
    if (NOT_COMPARED.has(field) || !(field in after)) continue;
    if (canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null)) {
      changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
    }
  }
  return changes;
}

/**
 * What moved since a snapshot: against now (the snapshot's query run again over the live
 * statements) or against another snapshot. Field by field over the export's columns the
 * snapshot has (a column added since is no change); each entry links to the current record.
 */
@Injectable()
export class SnapshotDiffer {
  constructor(private readonly dataSource: DataSource) {}

  /** `visible` narrows the query to what the reader may see now (published statements only, for some anonymous readers). */
  async againstNow(
    from: SnapshotRecord,
    publicUrl: string,
    visible: (filters: StatementFilters) => StatementFilters = (filters) => filters,
  ): Promise<SnapshotDiff> {
    const at = new Date();
    const filters = visible(parseSnapshotQuery(from.query).filters);
    const matching = new Set<number>(
      (await filteredStatements(this.dataSource, filters).select('s.id', 'id').getRawMany<{ id: number }>()).map((row) => row.id),
    );
    const columns = from.columns.filter((name) => name in EXPORT_COLUMNS);
    const url = (id: number) => `${publicUrl}/api/statements/${id}`;
    const diff = this.emptyDiff(from, { id: null, sha256: null, at });
    const seen = new Set<number>();
    let batch: FrozenStatement[] = [];
    const compare = async () => {
      const live = await this.liveRows(
        batch.map((s) => s.id),
        columns,
      );
      for (const before of batch) {
        const entry = { id: before.id, headline: before.headline, date: before.date };
        const after = live.get(before.id);
        if (!after) diff.removed.push({ ...entry, reason: 'purged' });
        else if (after.deleted) diff.removed.push({ ...entry, url: url(before.id), reason: 'trashed' });
        else if (!matching.has(before.id)) diff.removed.push({ ...entry, url: url(before.id), reason: 'no longer matching' });
        else {
          const fields = changedFields(columns, before, after.row);
          if (fields.length) diff.changed.push({ ...entry, url: url(before.id), fields });
          else diff.counts.unchanged++;
        }
      }
      batch = [];
    };
    for await (const statement of frozenStatements(this.dataSource, from.id)) {
      seen.add(statement.id);
      batch.push(statement);
      if (batch.length >= BATCH) await compare();
    }
    await compare();
    const added = [...matching].filter((id) => !seen.has(id));
    for (let i = 0; i < added.length; i += BATCH) {
      const live = await this.liveRows(added.slice(i, i + BATCH), ['headline', 'date']);
      for (const [id, { row }] of live) diff.added.push({ id, headline: row.headline as string, date: row.date as string, url: url(id) });
    }
    diff.added.sort((a, b) => a.id - b.id);
    return this.counted(diff);
  }

  async againstSnapshot(from: SnapshotRecord, to: SnapshotRecord, publicUrl: string): Promise<SnapshotDiff> {
    const later = new Map<number, FrozenStatement>();
    for await (const statement of frozenStatements(this.dataSource, to.id)) later.set(statement.id, statement);
    const columns = from.columns.filter((name) => to.columns.includes(name));
    const diff = this.emptyDiff(from, { id: to.id, sha256: to.sha256, at: to.createdAt });
    const url = (id: number) => `${publicUrl}/api/statements/${id}`;
    for await (const before of frozenStatements(this.dataSource, from.id)) {
      const entry = { id: before.id, headline: before.headline, date: before.date, url: url(before.id) };
      const after = later.get(before.id);
      later.delete(before.id);
      if (!after) diff.removed.push({ ...entry, reason: 'not in the other snapshot' });
      else {
        const fields = changedFields(columns, before, after);
        if (fields.length) diff.changed.push({ ...entry, fields });
        else diff.counts.unchanged++;
      }
    }
    for (const [id, statement] of later) diff.added.push({ id, headline: statement.headline, date: statement.date, url: url(id) });
    diff.added.sort((a, b) => a.id - b.id);
    return this.counted(diff);
  }

  /** The export columns of these statements as they are now, trashed ones included and marked. */
  private async liveRows(ids: number[], columns: string[]): Promise<Map<number, { deleted: boolean; row: Record<string, unknown> }>> {
    if (!ids.length) return new Map();
    const { sql, params } = statementRowsQuery(
      this.dataSource,
      { filters: { id: ids }, sort: { field: 'id', order: 'ASC' }, withTrashed: true },
      [
        ['id', 's.id'],
        ['deleted', 's.deleted_at IS NOT NULL'],
        ...columns.map((name): [string, string] => [name, EXPORT_COLUMNS[name].sql]),
      ],
    );
    const rows: Record<string, unknown>[] = await this.dataSource.query(sql, params);
    return new Map(rows.map((row) => [row.id as number, { deleted: row.deleted as boolean, row }]));
  }

  private emptyDiff(from: SnapshotRecord, to: SnapshotDiff['to']): SnapshotDiff {
    return {
      from: { id: from.id, sha256: from.sha256, createdAt: from.createdAt },
      to,
      counts: { added: 0, removed: 0, changed: 0, unchanged: 0 },
      added: [],
      removed: [],
      changed: [],
    };
  }

  private counted(diff: SnapshotDiff): SnapshotDiff {
    diff.counts.added = diff.added.length;
    diff.counts.removed = diff.removed.length;
    diff.counts.changed = diff.changed.length;
    return diff;
  }
}
