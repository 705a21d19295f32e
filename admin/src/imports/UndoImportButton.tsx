import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, DialogContentText } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, HttpError, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { ReferenceNames } from '../history/FieldValue';
import type { ImportSummary } from '../types';
import { firstSentence } from './columnMapping';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Statements someone changed since the import, as the server's refusal names them. */
interface ChangedSince {
  message: string;
  statementIds: number[];
}

/** Enough to review (the server names them all). */
const SHOWN_STATEMENTS = 50;

/**
 * A 409 naming statements changed since the import ("21, 22" in errors.statements), as opposed
 * to one saying it is undone already: only then is undoing anyway a choice to offer.
 */
function changedSince(error: unknown): ChangedSince | undefined {
  if (!(error instanceof HttpError) || error.status !== 409) return undefined;
  const named = (error.body as { errors?: { statements?: string } } | undefined)?.errors?.statements;
  if (!named) return undefined;
  // "Statements 21, 22 changed after import 4; nothing was undone. Review them, or undo with force=true …": the button says the rest.
  return { message: firstSentence(error.message), statementIds: named.split(',').map(Number).filter(Boolean) };
}

/**
 * Undoes a finished import (editors and admins), after a confirmation: its new statements go to
 * the trash, those it changed get their earlier state back. When someone has changed some of
 * them since, the server undoes nothing and says which: that is shown, with "Undo anyway".
 */
export const UndoImportButton = () => {
  const record = useRecordContext<ImportSummary>();
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'undo' });
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [conflict, setConflict] = useState<ChangedSince | null>(null);
  const close = () => {
    setOpen(false);
    setConflict(null);
  };
  const undo = useMutation({
    mutationFn: ({ id, force }: { id: number; force: boolean }) => dataProvider.undoImport(id, force),
    onSuccess: ({ data }) => {
      notify(`Undone: the import of ${data.fileName || 'a file'}`, { type: 'success' });
      close();
      refresh();
    },
    onError: (error) => {
      const changed = changedSince(error);
      if (changed) return setConflict(changed);
      notify(`Not undone: ${message(error)}`, { type: 'error', autoHideDuration: 10_000 });
      close();
      refresh();
    },
  });
  if (!record || record.status !== 'finished' || !canAccess) return null;
  const { created, updated } = record.counts;
  return (
    // Clicks in the dialog reach the list's row through React's tree: they must not open the import.
    <Box component="span" onClick={(event) => event.stopPropagation()}>
      <Button size="small" startIcon={<UndoIcon />} onClick={() => setOpen(true)}>
        Undo
      </Button>
      <Confirm
        isOpen={open}
        loading={undo.isPending}
        title={conflict ? 'Statements changed since the import' : `Undo the import of ${record.fileName || 'a file'}?`}
        content={
          conflict ? (
            <>
              <Alert severity="warning" sx={{ mb: 2 }} data-testid="undo-conflict">
                {conflict.message}
                <Box sx={{ mt: 1 }}>
                  <ReferenceNames reference="statements" ids={conflict.statementIds.slice(0, SHOWN_STATEMENTS)} />
                  {conflict.statementIds.length > SHOWN_STATEMENTS && ` and ${conflict.statementIds.length - SHOWN_STATEMENTS} more`}
                </Box>
              </Alert>
              <DialogContentText>
                Undoing anyway brings back the state before the import, and their later changes are lost (their history keeps them).
              </DialogContentText>
            </>
          ) : (
            <DialogContentText>
              Its new statements ({created}) go to the trash and the statements it changed ({updated}) get their earlier state back. Actors,
              topics and sources it created go to the trash unless other statements use them.
            </DialogContentText>
          )
        }
        confirm={conflict ? 'Undo anyway' : 'Undo the import'}
        confirmColor="warning"
        onConfirm={() => undo.mutate({ id: record.id, force: conflict !== null })}
        onClose={close}
      />
    </Box>
  );
};
