import { NO_STANCE_COLOR } from '../common/color';
import type { AnalysisStance } from '../types';

/** "+1", "−1.75", "0": a score as the stance scale writes it (a true minus sign). */
export function formatScore(score: number): string {
  const text = String(Math.round(score * 100) / 100);
  return score > 0 ? `+${text}` : text.replace('-', '−');
}

/** The stance whose score is nearest `score` (the lower one on a tie): what colour a mean reads as. */
export function nearestStance(stances: AnalysisStance[], score: number): AnalysisStance | undefined {
  let best: AnalysisStance | undefined;
  for (const stance of stances) {
    if (!best || Math.abs(stance.score - score) < Math.abs(best.score - score)) best = stance;
  }
  return best;
}

export const stanceColor = (stance: AnalysisStance | undefined) => stance?.color ?? NO_STANCE_COLOR;

export interface StanceBand {
  stances: AnalysisStance[];
  score: number;
  from: number;
  to: number;
}

/**
 * The y axis as the stances divide it: a band around each score, reaching halfway to the next
 * (stances sharing a score share a band), half a step beyond the outermost ones.
 */
export function stanceBands(stances: AnalysisStance[]): StanceBand[] {
  const scores = [...new Set(stances.map((stance) => stance.score))].sort((a, b) => a - b);
  return scores.map((score, i) => {
    const below = i > 0 ? (score + scores[i - 1]) / 2 : score - (scores.length > 1 ? (scores[1] - score) / 2 : 0.5);
    const above = i < scores.length - 1 ? (score + scores[i + 1]) / 2 : score + (i > 0 ? (score - scores[i - 1]) / 2 : 0.5);
    return { stances: stances.filter((stance) => stance.score === score), score, from: below, to: above };
  });
}
