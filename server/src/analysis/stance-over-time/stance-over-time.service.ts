import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { StanceOverTimeRequest } from '../analysis-params';
import { loadStanceScale, ScaleStance } from '../stance-scale';
import { intervalKey, intervalSeries } from './intervals';
import { groupsQuery, pointsQuery } from './stance-over-time.sql';
import { StanceGroup, StanceOverTime, StancePoint } from './stance-over-time.dto';

interface PointRow {
  g: string;
  bucket: string;
  statements: number;
  withStance: number;
  meanScore: number | null;
  medianScore: number | null;
  previous: string | null;
  delta: number | null;
  shifted: boolean;
  before: number[] | null;
  after: number[] | null;
  [stance: `stance_${number}`]: number;
}

interface GroupRow {
  g: string;
  statements: number;
  placed: number;
  withoutStance: number;
  imprecise: number;
  impreciseIds: number[] | null;
  name: string | null;
  nativeName: string | null;
  country: string | null;
}

const emptyPoint = (interval: string): StancePoint => ({
  interval,
  statements: 0,
  withStance: 0,
  meanScore: null,
  medianScore: null,
  stances: [],
  shift: null,
});

/**
 * Stance over time: per group and interval, counts and the mean and median stance score,
 * aggregated by PostgreSQL; here the rows are only laid out on the full series of intervals.
 */
@Injectable()
export class StanceOverTimeService {
  constructor(private readonly dataSource: DataSource) {}

  /** Both queries and the legend in one read-only snapshot, so the totals add up. */
  read(request: StanceOverTimeRequest): Promise<StanceOverTime> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return this.compute(manager, request);
    });
  }

  private async compute(manager: EntityManager, { filters, interval, groupBy }: StanceOverTimeRequest): Promise<StanceOverTime> {
    const stances = await loadStanceScale((sql) => manager.query(sql));
    const points = pointsQuery(this.dataSource, filters, interval, groupBy, stances);
    const groups = groupsQuery(this.dataSource, filters, interval, groupBy);
    const pointRows: PointRow[] = await manager.query(points.sql, points.params);
    const groupRows: GroupRow[] = await manager.query(groups.sql, groups.params);

    const buckets = pointRows.map((row) => row.bucket).sort();
    const series = buckets.length ? intervalSeries(interval, buckets[0], buckets[buckets.length - 1]) : [];
    const position = new Map(series.map((span, i) => [span.key, i]));

    const byGroup = new Map<string, StancePoint[]>();
    for (const group of groupRows)
      byGroup.set(
        group.g,
        series.map((span) => emptyPoint(span.key)),
      );
    for (const row of pointRows) {
      const key = intervalKey(interval, row.bucket);
      byGroup.get(row.g)![position.get(key)!] = toPoint(key, row, stances, interval);
    }

    const result: StanceGroup[] = groupRows.map((row) => ({
      key: row.g,
      speakerId: groupBy === 'speaker' ? Number(row.g) : null,
      country: groupBy === 'speaker' ? row.country : groupBy === 'country' && row.g !== 'none' ? row.g : null,
      name: groupBy === 'speaker' ? row.name! : groupBy === 'country' ? (row.g === 'none' ? 'No country' : row.g) : 'All speakers',
      nativeName: row.nativeName,
      statements: row.statements,
      placed: row.placed,
      points: byGroup.get(row.g)!,
      imprecise: { count: row.imprecise, ids: row.impreciseIds ?? [], complete: row.imprecise === (row.impreciseIds?.length ?? 0) },
      withoutStance: row.withoutStance,
    }));
    result.sort(
      (a, b) => (a.key === 'none' ? 1 : 0) - (b.key === 'none' ? 1 : 0) || a.name.localeCompare(b.name, 'en') || a.key.localeCompare(b.key),
    );

    const sum = (pick: (row: GroupRow) => number) => groupRows.reduce((total, row) => total + pick(row), 0);
    return {
      interval,
      groupBy,
      stances: stances.map(({ id, name, score, color }) => ({ id, name, score, color })),
      intervals: series,
      totals: {
        statements: sum((row) => row.statements),
        placed: sum((row) => row.placed),
        imprecise: sum((row) => row.imprecise),
        withoutStance: sum((row) => row.withoutStance),
      },
      groups: result,
    };
  }
}

function toPoint(key: string, row: PointRow, stances: ScaleStance[], interval: StanceOverTimeRequest['interval']): StancePoint {
  return {
    interval: key,
    statements: row.statements,
    withStance: row.withStance,
    meanScore: row.meanScore,
    medianScore: row.medianScore,
    stances: stances.map(({ id }) => ({ stanceId: id, count: row[`stance_${id}`] })).filter(({ count }) => count > 0),
    shift: row.shifted
      ? { previous: intervalKey(interval, row.previous!), delta: row.delta!, before: row.before ?? [], after: row.after ?? [] }
      : null,
  };
}
