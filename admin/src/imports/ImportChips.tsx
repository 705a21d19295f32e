import { Chip, Stack } from '@mui/material';
import { IMPORT_ROW_OUTCOMES, type ImportCounts, type ImportRowOutcome, type ImportStatus } from '../types';

type ChipColor = 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info';

/** Each outcome of a row, as a dry run foresees it and as an import did it. */
const OUTCOMES: Record<ImportRowOutcome, { planned: string; done: string; color: ChipColor }> = {
  created: { planned: 'to create', done: 'created', color: 'success' },
  updated: { planned: 'to update', done: 'updated', color: 'primary' },
  unchanged: { planned: 'unchanged', done: 'unchanged', color: 'default' },
  failed: { planned: 'with errors', done: 'failed', color: 'error' },
};

export const outcomeWords = (outcome: ImportRowOutcome, planned: boolean) => OUTCOMES[outcome][planned ? 'planned' : 'done'];

export const OutcomeChip = ({ outcome, planned = false }: { outcome: ImportRowOutcome; planned?: boolean }) => (
  <Chip size="small" variant="outlined" color={OUTCOMES[outcome].color} label={outcomeWords(outcome, planned)} data-outcome={outcome} />
);

/** "3 to create · 0 to update · 1 unchanged · 1 with errors" as chips; the empty ones muted. */
export const ImportCountChips = ({ counts, planned = false }: { counts: ImportCounts; planned?: boolean }) => (
  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="import-counts">
    {IMPORT_ROW_OUTCOMES.map((outcome) => (
      <Chip
        key={outcome}
        size="small"
        color={counts[outcome] ? OUTCOMES[outcome].color : 'default'}
        variant={counts[outcome] ? 'filled' : 'outlined'}
        label={`${counts[outcome]} ${outcomeWords(outcome, planned)}`}
        data-outcome={outcome}
      />
    ))}
  </Stack>
);

const STATUSES: Record<ImportStatus, { label: string; color: ChipColor }> = {
  running: { label: 'running', color: 'info' },
  finished: { label: 'imported', color: 'success' },
  failed: { label: 'failed: nothing written', color: 'error' },
  undone: { label: 'undone', color: 'default' },
};

export const ImportStatusChip = ({ status }: { status: ImportStatus }) => (
  <Chip size="small" variant="outlined" color={STATUSES[status].color} label={STATUSES[status].label} data-status={status} />
);
