import { Button, Dialog, DialogTitle } from '@mui/material';
import type { ReactNode } from 'react';
import { CreateBase, SaveButton, SimpleForm, Toolbar, useCreateSuggestionContext, type RaRecord } from 'react-admin';

/**
 * The "Create …" choice of an autocomplete input: a small form in a dialog that creates the
 * record through the API (its validation errors shown on the fields) and selects it, without
 * leaving the form being edited.
 */
export const CreateInDialog = ({
  resource,
  title,
  defaultValues,
  children,
}: {
  resource: string;
  title: string;
  /** Initial values, given what the user typed in the autocomplete. */
  defaultValues: (typed: string) => Record<string, unknown>;
  children: ReactNode;
}) => {
  const { filter, onCancel, onCreate } = useCreateSuggestionContext();
  return (
    <Dialog open onClose={onCancel} fullWidth maxWidth="sm" aria-label={title}>
      <DialogTitle>{title}</DialogTitle>
      <CreateBase resource={resource} redirect={false} mutationOptions={{ onSuccess: (record: RaRecord) => onCreate(record) }}>
        <SimpleForm
          defaultValues={defaultValues(filter ?? '')}
          toolbar={
            <Toolbar sx={{ justifyContent: 'flex-end', gap: 1 }}>
              <Button onClick={onCancel}>Cancel</Button>
              <SaveButton label="Create" alwaysEnable />
            </Toolbar>
          }
        >
          {children}
        </SimpleForm>
      </CreateBase>
    </Dialog>
  );
};
