import type { AnalysisStance, StancePoint } from '../types';
import { formatScore } from './stanceScale';

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "Rejecting 3, Critical 1": how the point's statements divide among the stances, by score. */
export function stanceBreakdown(point: Pick<StancePoint, 'stances'>, stances: AnalysisStance[]): string {
  const byId = new Map(stances.map((stance, order) => [stance.id, { stance, order }]));
  return [...point.stances]
    .sort((a, b) => (byId.get(a.stanceId)?.order ?? 0) - (byId.get(b.stanceId)?.order ?? 0))
    .map((entry) => `${byId.get(entry.stanceId)?.stance.name ?? `Stance ${entry.stanceId}`} ${entry.count}`)
    .join(', ');
}

/** "Sergey Lavrov, January 2019: mean −1.75 of 4 statements with a stance (Rejecting 3, Critical 1)". */
export function describePoint(name: string, when: string, point: StancePoint, stances: AnalysisStance[]): string {
  const mean = point.meanScore === null ? 'no stance' : `mean ${formatScore(point.meanScore)}`;
  const without = point.statements - point.withStance;
  return (
    `${name}, ${when}: ${mean} of ${plural(point.withStance, 'statement')} with a stance (${stanceBreakdown(point, stances)})` +
    (without ? `, ${without} without` : '') +
    (point.shift ? `; shifted ${formatScore(point.shift.delta)}` : '')
  );
}
