import {
  Alert,
  Box,
  LinearProgress,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { useFieldLabel, ReferenceNames } from '../history/FieldValue';
import { visibleChangedFields } from '../history/fields';
import { IMPORT_ROW_OUTCOMES, type ImportCounts, type ImportRow, type ImportRowOutcome } from '../types';
import { OutcomeChip, outcomeWords } from './ImportChips';
import { inTheWizardsWords } from './importRequest';
import { rowsIn } from './importRun';

const PER_PAGE = 25;

/** What is wrong with a row, column by column, in red. */
const RowErrors = ({ errors }: { errors: Record<string, string> }) => (
  <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none', color: 'error.main' }} data-testid="row-errors">
    {Object.entries(errors).map(([column, reason]) => (
      <li key={column} data-column={column}>
        <Box component="span" sx={{ fontWeight: 600 }}>
          {column}
        </Box>
        : {inTheWizardsWords(reason)}
      </li>
    ))}
  </Box>
);

/**
 * The statement a row wrote or matched, by its headline, linked. A dry run's new statement does
 * not exist (the check wrote nothing); one undone since is in the trash: its id, unlinked.
 */
const RowStatement = ({ row, planned }: { row: ImportRow; planned: boolean }) => {
  if (row.statementId === null) return <span>—</span>;
  if (planned && row.outcome === 'created')
    return (
      <Box component="span" sx={{ color: 'text.secondary' }}>
        new
      </Box>
    );
  return <ReferenceNames reference="statements" ids={[row.statementId]} />;
};

const ChangedFields = ({ fields }: { fields: string[] }) => {
  const label = useFieldLabel('statements');
  const shown = visibleChangedFields('statements', fields);
  return shown.length ? <span>changes {shown.map(label).join(', ')}</span> : null;
};

/** Rows of an import's report: where in the file, what became of it, which statement, and what was wrong. */
export const ImportRowsTable = ({ rows, planned = false }: { rows: ImportRow[]; planned?: boolean }) => (
  <TableContainer>
    <Table size="small" aria-label="Rows of the file" data-testid="import-rows">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '5em' }}>Row</TableCell>
          <TableCell sx={{ width: '8em' }}>Outcome</TableCell>
          <TableCell>Key</TableCell>
          <TableCell>Statement</TableCell>
          <TableCell>Details</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.row} data-row={row.row} data-outcome={row.outcome} sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{row.row}</TableCell>
            <TableCell>
              <OutcomeChip outcome={row.outcome} planned={planned} />
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>{row.key ?? '—'}</TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              <RowStatement row={row} planned={planned} />
            </TableCell>
            <TableCell>
              {row.errors && Object.keys(row.errors).length > 0 ? (
                <RowErrors errors={row.errors} />
              ) : row.outcome === 'updated' ? (
                <ChangedFields fields={row.changedFields} />
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);

/** The rows a report carries (its first 1,000, failures first), a page at a time. */
export const ReportRows = ({ rows, omitted, planned = false }: { rows: ImportRow[]; omitted: number; planned?: boolean }) => {
  const [page, setPage] = useState(0);
  if (!rows.length) return null;
  return (
    <Box>
      <ImportRowsTable rows={rows.slice(page * PER_PAGE, (page + 1) * PER_PAGE)} planned={planned} />
      {rows.length > PER_PAGE && (
        <TablePagination
          component="div"
          count={rows.length}
          page={page}
          rowsPerPage={PER_PAGE}
          rowsPerPageOptions={[PER_PAGE]}
          onPageChange={(_event, next) => setPage(next)}
        />
      )}
      {omitted > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          And {omitted.toLocaleString()} more rows, not shown here.
        </Typography>
      )}
    </Box>
  );
};

/** All rows of a stored import (GET /api/imports/:id/rows), by outcome, a page at a time. */
export const PagedImportRows = ({ importId, counts }: { importId: number; counts: ImportCounts }) => {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const [outcome, setOutcome] = useState<ImportRowOutcome | 'all'>('all');
  const [page, setPage] = useState(0);
  const { data, error, isFetching } = useQuery({
    queryKey: ['imports', 'rows', importId, outcome, page],
    queryFn: () =>
      dataProvider.getImportRows(importId, { start: page * PER_PAGE, end: (page + 1) * PER_PAGE }, outcome === 'all' ? undefined : outcome),
    placeholderData: keepPreviousData,
  });
  const choose = (next: ImportRowOutcome | 'all') => {
    setOutcome(next);
    setPage(0);
  };
  return (
    <Box>
      <Tabs value={outcome} onChange={(_event, next: ImportRowOutcome | 'all') => choose(next)} aria-label="Rows by outcome">
        <Tab value="all" label={`All (${rowsIn(counts)})`} />
        {IMPORT_ROW_OUTCOMES.filter((value) => counts[value] > 0).map((value) => (
          <Tab key={value} value={value} label={`${outcomeWords(value, false)} (${counts[value]})`} />
        ))}
      </Tabs>
      <Box sx={{ height: 4 }}>{isFetching && <LinearProgress />}</Box>
      {error ? (
        <Alert severity="error">The rows could not be read: {error.message}</Alert>
      ) : data?.data.length ? (
        <>
          <ImportRowsTable rows={data.data} />
          <TablePagination
            component="div"
            count={data.total}
            page={page}
            rowsPerPage={PER_PAGE}
            rowsPerPageOptions={[PER_PAGE]}
            onPageChange={(_event, next) => setPage(next)}
          />
        </>
      ) : data ? (
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          No rows.
        </Typography>
      ) : null}
    </Box>
  );
};
