import { Box, Typography, useTheme } from '@mui/material';
import type { AnalysisStance } from '../types';
import type { NetworkKind } from './analysisState';
import { nodeColor } from './networkStyle';

const Swatch = ({ color, square = false, line = false }: { color: string; square?: boolean; line?: boolean }) => (
  <Box
    component="span"
    aria-hidden
    sx={{
      display: 'inline-block',
      width: line ? 18 : 10,
      height: line ? 3 : 10,
      borderRadius: square || line ? 0.5 : '50%',
      backgroundColor: color,
      mr: 0.5,
      verticalAlign: 'middle',
    }}
  />
);

/** What the shapes and colours of the drawing mean, for the kind shown. */
export const NetworkLegend = ({ kind, stances }: { kind: NetworkKind; stances: AnalysisStance[] }) => {
  const theme = useTheme();
  const person = nodeColor({ mode: 'actor', kind: 'person' });
  const organization = nodeColor({ mode: 'actor', kind: 'organization' });
  const topic = nodeColor({ mode: 'topic', kind: 'topic' });
  return (
    <Typography variant="caption" color="text.secondary" component="p" sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', mt: 0.5 }}>
      <span>
        <Swatch color={person} />
        person
      </span>
      <span>
        <Swatch color={organization} />
        organisation
      </span>
      {kind === 'actor-topic' && (
        <span>
          <Swatch color={topic} square />
          topic
        </span>
      )}
      <span>size: statements</span>
      {kind === 'actor-congruence' && (
        <span>
          <Swatch color={theme.palette.success.main} line />
          same-sign stances on a topic
        </span>
      )}
      {kind === 'actor-conflict' && (
        <span>
          <Swatch color={theme.palette.error.main} line />
          opposite stances on a topic
        </span>
      )}
      {(kind === 'actor-topic' || kind === 'replies') &&
        stances.map((stance) => (
          <span key={stance.id}>
            <Swatch color={stance.color ?? theme.palette.grey[500]} line />
            {stance.name}
          </span>
        ))}
      {(kind === 'actor-topic' || kind === 'replies') && (
        <span>
          <Swatch color={theme.palette.grey[500]} line />
          no stance
        </span>
      )}
    </Typography>
  );
};
