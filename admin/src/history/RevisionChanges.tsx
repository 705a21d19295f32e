import { Box, Typography } from '@mui/material';
import { useGetResourceLabel } from 'react-admin';
import type { Revision } from '../types';
import { FieldChange } from './FieldChange';
import { BOOKKEEPING_FIELDS, isEmptyValue, visibleChangedFields } from './fields';
import { useFieldLabel } from './FieldValue';

const WHOLE_RECORD_ACTIONS: Partial<Record<Revision['action'], string>> = {
  delete: 'Moved to the trash.',
  restore: 'Restored from the trash.',
  purge: 'Deleted permanently.',
};

/** The fields a creation set: those with a value. */
const fieldsOfCreation = (revision: Revision) => {
  const candidates = revision.changedFields.length ? revision.changedFields : Object.keys(revision.after ?? {});
  return visibleChangedFields(
    revision.resource,
    candidates.filter((field) => !BOOKKEEPING_FIELDS.has(field)),
  ).filter((field) => !isEmptyValue(revision.after?.[field]));
};

/**
 * What a restore brought back, by the record's own version number (the one its history and the
 * edit form show), never by the revision's id in the database.
 */
export const restoredVersionText = (version: number | null | undefined, resourceLabel: string) =>
  version
    ? `Restored version ${version} of this ${resourceLabel.toLowerCase()}`
    : `Restored an earlier version of this ${resourceLabel.toLowerCase()}`;

/** Field by field, what one revision changed: labels on the left, old → new on the right. */
export const RevisionChanges = ({ revision }: { revision: Revision }) => {
  const label = useFieldLabel(revision.resource);
  const getResourceLabel = useGetResourceLabel();
  const whole = WHOLE_RECORD_ACTIONS[revision.action];
  const fields =
    revision.action === 'create' ? fieldsOfCreation(revision) : visibleChangedFields(revision.resource, revision.changedFields);
  return (
    <Box>
      {whole && (
        <Typography variant="body2" color="text.secondary">
          {whole}
        </Typography>
      )}
      {revision.action === 'revert' && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
          {restoredVersionText(revision.revertedFromVersion, getResourceLabel(revision.resource, 1))}.
        </Typography>
      )}
      {fields.length > 0 && (
        <Box
          component="dl"
          data-testid="revision-changes"
          sx={{
            display: 'grid',
            gridTemplateColumns: 'minmax(7em, max-content) 1fr',
            columnGap: 2,
            rowGap: 0.75,
            m: 0,
            alignItems: 'baseline',
          }}
        >
          {fields.map((field) => (
            <Box key={field} sx={{ display: 'contents' }} data-field={field}>
              <Box component="dt" sx={{ color: 'text.secondary', fontSize: '0.875rem' }}>
                {label(field)}
              </Box>
              <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }} data-testid={`change-${field}`}>
                <FieldChange
                  resource={revision.resource}
                  field={field}
                  before={revision.action === 'create' ? null : revision.before}
                  after={revision.after}
                />
              </Box>
            </Box>
          ))}
        </Box>
      )}
      {!whole && fields.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No field changed.
        </Typography>
      )}
    </Box>
  );
};
