import { ANALYSIS_GROUPINGS, ANALYSIS_INTERVALS, NETWORK_KINDS, type Network, type StanceOverTime } from '../types';

/*
 * The Analysis page's own settings, beside the statement filters in its URL:
 * /analysis?speakerId=4&speakerId=1&view=chart&interval=quarter, /analysis?topicId=1&view=network&kind=actor-conflict.
 * Each setting at its default is left out of the URL.
 */

export const ANALYSIS_VIEWS = ['chart', 'network'] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

export const INTERVALS = ANALYSIS_INTERVALS;
export type Interval = StanceOverTime['interval'];

/** `speaker`: a line per speaker; `country`: per speakers' country; `none`: one line for everything the filters match. */
export const GROUPINGS = ANALYSIS_GROUPINGS;
export type Grouping = StanceOverTime['groupBy'];

export { NETWORK_KINDS };
export type NetworkKind = Network['kind'];

export interface AnalysisSettings {
  view: AnalysisView;
  interval: Interval;
  groupBy: Grouping;
  kind: NetworkKind;
  /** The network node picked by a click ("a4", "t1"), or null. */
  node: string | null;
}

export const DEFAULT_SETTINGS: AnalysisSettings = { view: 'chart', interval: 'month', groupBy: 'speaker', kind: 'actor-topic', node: null };

const oneOf = <T extends string>(choices: readonly T[], value: string | null, fallback: T): T =>
  choices.includes(value as T) ? (value as T) : fallback;

const NODE_ID = /^[at][1-9]\d{0,9}$/;

export function settingsFromParams(params: URLSearchParams): AnalysisSettings {
  const node = params.get('node');
  return {
    view: oneOf(ANALYSIS_VIEWS, params.get('view'), DEFAULT_SETTINGS.view),
    interval: oneOf(INTERVALS, params.get('interval'), DEFAULT_SETTINGS.interval),
    groupBy: oneOf(GROUPINGS, params.get('groupBy'), DEFAULT_SETTINGS.groupBy),
    kind: oneOf(NETWORK_KINDS, params.get('kind'), DEFAULT_SETTINGS.kind),
    node: node && NODE_ID.test(node) ? node : null,
  };
}

/** Adds the settings that differ from their defaults to `params` (the filters' parameters). */
export function appendSettings(params: URLSearchParams, settings: AnalysisSettings): URLSearchParams {
  for (const key of ['view', 'interval', 'groupBy', 'kind', 'node'] as const) {
    const value = settings[key];
    if (value !== null && value !== DEFAULT_SETTINGS[key]) params.set(key, value);
  }
  return params;
}
