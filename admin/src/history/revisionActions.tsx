import { Chip } from '@mui/material';
import type { RevisionAction } from '../types';

/** Each action in words, past tense, as the history and the activity feed say it. */
export const ACTION_LABELS: Record<RevisionAction, string> = {
  create: 'created',
  update: 'edited',
  delete: 'moved to the trash',
  restore: 'restored from the trash',
  revert: 'reverted',
  purge: 'deleted permanently',
};

const ACTION_COLORS: Record<RevisionAction, 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info'> = {
  create: 'success',
  update: 'primary',
  delete: 'warning',
  restore: 'info',
  revert: 'info',
  purge: 'error',
};

export const ACTION_CHOICES = (Object.keys(ACTION_LABELS) as RevisionAction[]).map((action) => ({
  id: action,
  name: ACTION_LABELS[action],
}));

/** `label` for a record whose actions read otherwise (an import is "imported", its revert "undone"). */
export const ActionChip = ({ action, label }: { action: RevisionAction; label?: string }) => (
  <Chip
    size="small"
    variant="outlined"
    color={ACTION_COLORS[action] ?? 'default'}
    label={label ?? ACTION_LABELS[action] ?? action}
    data-action={action}
  />
);
