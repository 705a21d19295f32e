import type { Theme } from '@mui/material';
import type { AnalysisStance, Network, NetworkLink, NetworkNode } from '../types';
import type { NetworkKind } from './analysisState';
import { nearestStance, stanceColor } from './stanceScale';

export const KIND_NAMES: Record<NetworkKind, string> = {
  'actor-topic': 'Speakers and topics',
  'actor-congruence': 'Agreement',
  'actor-conflict': 'Conflict',
  replies: 'Replies',
};

export const KIND_HINTS: Record<NetworkKind, string> = {
  'actor-topic': 'Who speaks on which topic; a link is coloured by the mean stance of those statements, thicker for more statements.',
  'actor-congruence':
    'Speakers linked when they took stances of the same sign (both for, or both against) on a topic; thicker for more topics.',
  'actor-conflict': 'Speakers linked when they took opposite stances on a topic (one for, one against); thicker for more topics.',
  replies: 'An arrow from a speaker to the speaker they replied to, coloured by the stance of the replies; thicker for more replies.',
};

const SINGULAR: Record<Network['weight'], string> = { statements: 'statement', topics: 'topic', replies: 'reply' };

/** A link's weight in what it counts (the network's `weight`): "2 statements", "1 topic", "3 replies". */
export const weightText = (network: Pick<Network, 'weight'>, weight: number) =>
  `${weight} ${weight === 1 ? SINGULAR[network.weight] : network.weight}`;

/**
 * Agreement green and conflict red (the theme's success and error colours, not the stances':
 * agreeing in rejection is still agreement); speaker–topic links and replies in the colour of
 * the stance nearest their mean, grey without one.
 */
export function linkColor(kind: NetworkKind, link: NetworkLink, stances: AnalysisStance[], theme: Theme): string {
  if (kind === 'actor-congruence') return theme.palette.success.main;
  if (kind === 'actor-conflict') return theme.palette.error.main;
  return link.meanScore === null || link.meanScore === undefined
    ? theme.palette.grey[500]
    : stanceColor(nearestStance(stances, link.meanScore));
}

/** People, organisations and topics in colours of their own (none of them a stance's). */
export function nodeColor({ mode, kind }: Pick<NetworkNode, 'mode' | 'kind'>): string {
  if (mode === 'topic') return '#6a1b9a';
  return kind === 'person' ? '#1565c0' : '#00838f';
}
