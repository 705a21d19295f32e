import type { StanceGroup, StanceOverTime } from '../types';
import type { Grouping } from './analysisState';

/** Lines drawn at most, unless the speakers are chosen (then each is drawn): those with most placed statements. */
export const MAX_LINES = 8;

/** Colours of the speakers' lines: none of them a stance's red, orange, grey or green. */
/** Dark enough to name a line in small text on white too (4.5:1): the table under the chart does. */
const LINE_COLORS = ['#1565c0', '#6a1b9a', '#00707a', '#ad1457', '#4e342e', '#283593', '#736a12', '#00695c', '#4527a0', '#37474f'];

const regions = new Intl.DisplayNames(['en'], { type: 'region' });

/** A group as the page names it: the speaker, "Russia (RU)" for a country, as the server says otherwise. */
export function groupName(group: StanceGroup, groupBy: Grouping): string {
  if (groupBy !== 'country' || !group.country) return group.name;
  let region: string | undefined;
  try {
    region = regions.of(group.country);
  } catch {
    region = undefined;
  }
  return region && region !== group.country ? `${region} (${group.country})` : group.country;
}

export interface ChartLine {
  group: StanceGroup;
  name: string;
  color: string;
  /** The mean per interval (the response's `intervals`, in order); null: nothing with a stance there, a gap. */
  values: (number | null)[];
}

export interface ChartLines {
  lines: ChartLine[];
  /** Groups with entries but no point to draw (nothing placed with a stance). */
  withoutPoints: StanceGroup[];
  /** Groups left out because too many speakers would be drawn (none chosen). */
  leftOut: StanceGroup[];
}

/**
 * A line for each group with a mean somewhere: every chosen speaker; else (no speaker chosen, or
 * a line per country) the MAX_LINES groups with most placed statements.
 */
export function chartLines(data: StanceOverTime, groupBy: Grouping, chosenSpeakers: number[]): ChartLines {
  const drawable = data.groups.filter((group) => group.points.some((point) => point.meanScore !== null));
  const withoutPoints = data.groups.filter((group) => !drawable.includes(group));
  let shown = drawable;
  let leftOut: StanceGroup[] = [];
  if (!(groupBy === 'speaker' && chosenSpeakers.length > 0) && drawable.length > MAX_LINES) {
    const ranked = [...drawable].sort((a, b) => b.placed - a.placed || a.name.localeCompare(b.name));
    const kept = new Set(ranked.slice(0, MAX_LINES));
    shown = drawable.filter((group) => kept.has(group));
    leftOut = drawable.filter((group) => !kept.has(group));
  }
  if (groupBy === 'speaker' && chosenSpeakers.length > 0) {
    // In the order the speakers were chosen.
    const rank = (group: StanceGroup) => chosenSpeakers.indexOf(group.speakerId ?? -1);
    shown = [...shown].sort((a, b) => rank(a) - rank(b));
  }
  return {
    lines: shown.map((group, i) => ({
      group,
      name: groupName(group, groupBy),
      color: LINE_COLORS[i % LINE_COLORS.length],
      values: group.points.map((point) => point.meanScore),
    })),
    withoutPoints,
    leftOut,
  };
}
