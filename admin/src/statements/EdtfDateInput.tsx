import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorIcon from '@mui/icons-material/ErrorOutline';
import { Box, Button, Typography } from '@mui/material';
import { required, TextInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useEdtfPreview, type EdtfPreview, type EdtfSuggestion } from './useEdtfPreview';

const ACCEPTED_FORMS =
  '2019-01-14 · 2019-06 · 2019 · 2018-23 (autumn) · 2019-06? (uncertain) · 2018~ (about) · 201X · 2019-01/2019-06 · ../2019-01 (by January 2019) · or write it in words (“before 2019-01”, “c. 2019”)';

/** The days a date allows, an unknown bound said in words rather than as ±infinity. */
const dayRange = (start: string, end: string) => {
  if (start === '-infinity') return `latest day ${end}`;
  if (end === 'infinity') return `earliest day ${start}`;
  return start === end ? start : `${start} to ${end}`;
};

/** The EDTF forms the server suggests for a date in words: one click writes it into the field. */
const Suggestions = ({ suggestions }: { suggestions: EdtfSuggestion[] }) => {
  const { setValue } = useFormContext();
  if (!suggestions.length) return null;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }} data-testid="edtf-suggestions">
      <span>Did you mean</span>
      {suggestions.map((suggestion) => (
        <Button
          key={suggestion.date}
          size="small"
          variant="outlined"
          sx={{ py: 0, textTransform: 'none', minWidth: 0 }}
          aria-label={`Use ${suggestion.date} (${suggestion.displayDate})`}
          onClick={() => setValue('date', suggestion.date, { shouldDirty: true, shouldTouch: true, shouldValidate: true })}
        >
          <Box component="code" sx={{ mr: 0.5 }}>
            {suggestion.date}
          </Box>
          ({suggestion.displayDate})
        </Button>
      ))}
    </Box>
  );
};

const Reading = ({ preview, pending }: { preview: EdtfPreview; pending: boolean }) => {
  switch (preview.kind) {
    case 'valid':
      return (
        <Box
          component="span"
          sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, opacity: pending ? 0.5 : 1, color: 'success.main' }}
        >
          <CheckIcon sx={{ fontSize: '1rem' }} />
          <span>
            Reads as <strong data-testid="edtf-reading">{preview.displayDate}</strong>
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {' '}
              ({dayRange(preview.dateStart, preview.dateEnd)})
            </Box>
          </span>
        </Box>
      );
    case 'invalid':
      return (
        <Box
          component="span"
          sx={{ display: 'inline-flex', alignItems: 'flex-start', gap: 0.5, opacity: pending ? 0.5 : 1, color: 'warning.dark' }}
        >
          <ErrorIcon sx={{ fontSize: '1rem', mt: '1px' }} />
          <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', gap: 0.5 }}>
            <span data-testid="edtf-problem">This date {preview.reason}</span>
            <Suggestions suggestions={preview.suggestions} />
          </Box>
        </Box>
      );
    case 'unavailable':
      return <span>The date cannot be checked right now; it is checked again when you save.</span>;
    case 'empty':
      return <span>{pending ? 'Checking…' : 'When it was said or happened, as precisely as known.'}</span>;
  }
};

/**
 * The statement's date in EDTF, with how the server will read it ("June 2019") shown as one
 * types, or why it would refuse it, and a reminder of the accepted forms.
 */
export const EdtfDateInput = () => {
  const value = useWatch({ name: 'date' });
  const { preview, pending } = useEdtfPreview(value);
  return (
    <TextInput
      source="date"
      validate={required()}
      placeholder="2019-01-14"
      slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
      helperText={
        <Box component="span" sx={{ display: 'flex', flexDirection: 'column', gap: 0.25 }}>
          <Reading preview={preview} pending={pending} />
          <Typography component="span" variant="caption" color="text.secondary">
            EDTF: {ACCEPTED_FORMS}
          </Typography>
        </Box>
      }
    />
  );
};
