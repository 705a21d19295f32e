import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useGetResourceLabel } from 'react-admin';
import { Link } from 'react-router-dom';
import type { ImportReference } from '../types';

/** Matches a curator should look at: the file's text is not the record's name. */
const LOOSE = new Set<ImportReference['by']>(['alias', 'part of a name']);

/** `unlinked`: records that may not exist (what a dry run would create, what an undo moved to the trash). */
const ReferenceTable = ({ references, planned, unlinked }: { references: ImportReference[]; planned: boolean; unlinked: boolean }) => {
  const getResourceLabel = useGetResourceLabel();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>In the file</TableCell>
          <TableCell>Record</TableCell>
          <TableCell>Found by</TableCell>
          <TableCell align="right">Cells</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {references.map((reference) => (
          <TableRow key={`${reference.collection}:${reference.text}`} data-by={reference.by}>
            <TableCell>“{reference.text}”</TableCell>
            <TableCell>
              {getResourceLabel(reference.collection, 1)}:{' '}
              {unlinked && reference.by === 'created' ? (
                reference.label
              ) : (
                <MuiLink component={Link} to={`/${reference.collection}/${reference.id}/show`}>
                  {reference.label}
                </MuiLink>
              )}
            </TableCell>
            <TableCell>{reference.by === 'created' ? (planned ? 'would be created' : 'created') : reference.by}</TableCell>
            <TableCell align="right">{reference.rows}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Group = ({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) => (
  <Box component="section" aria-label={title} sx={{ mt: 2 }}>
    <Typography variant="subtitle2" component="h3">
      {title}
    </Typography>
    {hint && (
      <Typography variant="body2" color="text.secondary">
        {hint}
      </Typography>
    )}
    {children}
  </Box>
);

/**
 * The actors, topics, stances and sources the file named: what is (or would be) created, what
 * was matched loosely (by an alias or a part of a name: worth a look), and, folded, what was
 * found by its name or id.
 */
export const ImportReferences = ({
  references,
  planned = false,
  undone = false,
}: {
  references: ImportReference[];
  /** A dry run's: what it would create does not exist (it wrote nothing). */
  planned?: boolean;
  /** An undone import's: what it created has gone to the trash, unless something else used it. */
  undone?: boolean;
}) => {
  const [showExact, setShowExact] = useState(false);
  const created = references.filter((reference) => reference.by === 'created');
  const loose = references.filter((reference) => LOOSE.has(reference.by));
  const exact = references.filter((reference) => reference.by !== 'created' && !LOOSE.has(reference.by));
  if (!references.length) return null;
  return (
    <Box data-testid="import-references">
      {created.length > 0 && (
        <Group title={planned ? 'Would be created' : 'Created'} hint="Named in the file and not found: new records.">
          <ReferenceTable references={created} planned={planned} unlinked={planned || undone} />
        </Group>
      )}
      {loose.length > 0 && (
        <Group title="Matched loosely" hint="Found by an alias or a part of a name: check that each is the record meant.">
          <ReferenceTable references={loose} planned={planned} unlinked={planned || undone} />
        </Group>
      )}
      {exact.length > 0 && (
        <Group title="Matched exactly">
          {showExact ? (
            <ReferenceTable references={exact} planned={planned} unlinked={planned || undone} />
          ) : (
            <MuiLink component="button" type="button" onClick={() => setShowExact(true)}>
              Show the {exact.length} found by name or id
            </MuiLink>
          )}
        </Group>
      )}
    </Box>
  );
};
