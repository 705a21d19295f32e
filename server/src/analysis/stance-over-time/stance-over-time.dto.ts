import { ApiProperty } from '@nestjs/swagger';
import { GROUPINGS, INTERVALS } from '../analysis-params';
import { IntervalSpan } from './intervals';
import { IMPRECISE_IDS_LISTED } from './stance-over-time.sql';

const count = { type: 'integer', minimum: 0 } as const;
const ids = { type: 'array', items: { type: 'integer', minimum: 1 } } as const;
const score = { type: 'number', nullable: true, minimum: -2, maximum: 2 } as const;

export class ScaleEntry {
  @ApiProperty({ type: 'integer', minimum: 1 }) id: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer', minimum: -2, maximum: 2 }) score: number;
  @ApiProperty({ type: String, nullable: true, example: '#c62828' }) color: string | null;
}

export class IntervalEntry implements IntervalSpan {
  @ApiProperty({ description: '2019-01 (month), 2019-Q1 (quarter) or 2019 (year).' }) key: string;
  @ApiProperty({ format: 'date', description: 'First day.' }) start: string;
  @ApiProperty({ format: 'date', description: 'Last day.' }) end: string;
}

export class StanceCount {
  @ApiProperty({ type: 'integer', minimum: 1 }) stanceId: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) count: number;
}

export class StanceShift {
  @ApiProperty({ description: "Key of the group's previous interval with a mean score." }) previous: string;
  @ApiProperty({ type: 'number', description: 'This mean minus the previous one; |delta| ≥ 1.' }) delta: number;
  @ApiProperty({ ...ids, description: 'Statements with a stance in the previous interval.' }) before: number[];
  @ApiProperty({ ...ids, description: 'Statements with a stance in this interval.' }) after: number[];
}

export class StancePoint {
  @ApiProperty({ description: 'Key of the interval (see intervals).' }) interval: string;
  @ApiProperty({ ...count, description: 'Statements whose whole date range lies in the interval.' }) statements: number;
  @ApiProperty({ ...count, description: 'Of those, with a stance.' }) withStance: number;
  @ApiProperty({ ...score, description: 'Mean stance score of those with a stance; null when none.' }) meanScore: number | null;
  @ApiProperty({ ...score, description: 'Median stance score (the mean of the two middle ones when even); null when none.' })
  medianScore: number | null;
  @ApiProperty({ type: [StanceCount], description: 'Statements per stance; stances without any are left out.' }) stances: StanceCount[];
  @ApiProperty({ type: StanceShift, nullable: true, description: 'Set when the mean moved by a point or more.' }) shift: StanceShift | null;
}

export class ImpreciseEntries {
  @ApiProperty({ ...count, description: 'Statements whose date range does not fit in one interval: not plotted.' }) count: number;
  @ApiProperty({ ...ids, description: `Their ids, by id; the first ${IMPRECISE_IDS_LISTED} when there are more.` }) ids: number[];
  @ApiProperty({ description: 'Whether ids lists them all.' }) complete: boolean;
}

export class StanceGroup {
  @ApiProperty({ description: 'The speaker id as text, the country code, "none" (no country) or "all".' }) key: string;
  @ApiProperty({ type: 'integer', nullable: true }) speakerId: number | null;
  @ApiProperty({ type: String, nullable: true }) country: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nativeName: string | null;
  @ApiProperty({ ...count, description: 'Statements of the group matching the filters.' }) statements: number;
  @ApiProperty({ ...count, description: 'Of those, placed in an interval.' }) placed: number;
  @ApiProperty({ type: [StancePoint], description: 'One per entry of intervals, in order; zeros where empty.' }) points: StancePoint[];
  @ApiProperty({ type: ImpreciseEntries }) imprecise: ImpreciseEntries;
  @ApiProperty({ ...count, description: 'Statements of the group without a stance, placed or not.' }) withoutStance: number;
}

export class StanceTotals {
  @ApiProperty(count) statements: number;
  @ApiProperty(count) placed: number;
  @ApiProperty({ ...count, description: 'Left out of the intervals: dated too loosely for them.' }) imprecise: number;
  @ApiProperty(count) withoutStance: number;
}

export class StanceOverTime {
  @ApiProperty({ enum: INTERVALS }) interval: (typeof INTERVALS)[number];
  @ApiProperty({ enum: GROUPINGS }) groupBy: (typeof GROUPINGS)[number];
  @ApiProperty({ type: [ScaleEntry], description: 'The stance scale, by score.' }) stances: ScaleEntry[];
  @ApiProperty({ type: [IntervalEntry], description: 'From the first to the last interval with a placed statement, none skipped.' })
  intervals: IntervalEntry[];
  @ApiProperty({ type: StanceTotals }) totals: StanceTotals;
  @ApiProperty({ type: [StanceGroup] }) groups: StanceGroup[];
}
