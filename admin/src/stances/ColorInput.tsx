import { Box, Button, FormHelperText, InputLabel, TextField } from '@mui/material';
import { useInput, type InputProps } from 'react-admin';

const HEX = /^#[0-9a-f]{6}$/i;
const validateColor = (value: unknown) => (value && !HEX.test(String(value)) ? 'A colour written #rrggbb' : undefined);

/**
 * A colour picked with the browser's colour input, with its #rrggbb value editable beside it
 * (to paste a colour from a style guide) and a way back to "no colour".
 */
export const ColorInput = (props: InputProps) => {
  const { field, fieldState, id, isRequired } = useInput({ ...props, validate: props.validate ?? validateColor });
  const value = typeof field.value === 'string' ? field.value : '';
  const error = fieldState.error?.message;
  return (
    <Box sx={{ mb: 2 }}>
      <InputLabel htmlFor={id} shrink required={isRequired} sx={{ mb: 0.5 }}>
        Colour
      </InputLabel>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <input
          id={id}
          type="color"
          aria-label="Pick a colour"
          value={HEX.test(value) ? value : '#9e9e9e'}
          onChange={(event) => field.onChange(event.target.value)}
          style={{ width: 48, height: 36, padding: 0, border: 'none', background: 'none', cursor: 'pointer' }}
        />
        <TextField
          size="small"
          value={value}
          placeholder="#rrggbb"
          onChange={(event) => field.onChange(event.target.value || null)}
          onBlur={field.onBlur}
          error={Boolean(error)}
          slotProps={{ htmlInput: { 'aria-label': 'Colour as #rrggbb', spellCheck: false } }}
          sx={{ width: '9em' }}
        />
        {value && (
          <Button size="small" onClick={() => field.onChange(null)}>
            No colour
          </Button>
        )}
      </Box>
      <FormHelperText error={Boolean(error)}>{error ?? 'Used for this stance on the timeline and in lists'}</FormHelperText>
    </Box>
  );
};
