import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { Network } from '../types';
import type { NetworkKind } from './analysisState';
import { weightText } from './networkStyle';
import { formatScore } from './stanceScale';

/** Rows shown; the downloads have them all. */
const SHOWN = 100;

/** The links as a table, heaviest first: the drawing's content for reading exact values and for screen readers. */
export const LinksTable = ({ network, kind }: { network: Network; kind: NetworkKind }) => {
  const names = new Map(network.nodes.map((node) => [node.id, node.name]));
  const sorted = [...network.links].sort(
    (a, b) => b.weight - a.weight || (names.get(a.source) ?? '').localeCompare(names.get(b.source) ?? ''),
  );
  const withMean = kind === 'actor-topic' || kind === 'replies';
  if (!sorted.length) return null;
  return (
    <Box component="section" aria-label="Links" sx={{ mt: 2, overflowX: 'auto' }}>
      <Typography variant="subtitle1" component="h3">
        Links
      </Typography>
      <Table size="small" aria-label="Links of the network">
        <TableHead>
          <TableRow>
            <TableCell>{network.directed ? 'From' : 'Between'}</TableCell>
            <TableCell>{network.directed ? 'To' : 'And'}</TableCell>
            <TableCell align="right">Weight</TableCell>
            {withMean && <TableCell align="right">Mean stance</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.slice(0, SHOWN).map((link) => (
            <TableRow
              key={`${link.source}>${link.target}`}
              data-testid="analysis-link-row"
              data-source={link.source}
              data-target={link.target}
            >
              <TableCell>{names.get(link.source) ?? link.source}</TableCell>
              <TableCell>{names.get(link.target) ?? link.target}</TableCell>
              <TableCell align="right">{weightText(network, link.weight)}</TableCell>
              {withMean && (
                <TableCell align="right">
                  {link.meanScore === null || link.meanScore === undefined ? '—' : formatScore(link.meanScore)}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {sorted.length > SHOWN && (
        <Typography variant="caption" color="text.secondary">
          The {SHOWN} heaviest of {sorted.length} links; the downloads have them all.
        </Typography>
      )}
    </Box>
  );
};
