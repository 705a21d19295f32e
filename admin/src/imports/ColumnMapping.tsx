import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Button, TextField, Typography } from '@mui/material';
import { IGNORE } from './importRequest';

/**
 * What each column of the file an import does not read means: one of the columns it reads (the
 * CSV export's), or nothing. The choices go along as `map[Column]=column` with the next check.
 */
export const ColumnMapping = ({
  columns,
  targets,
  value,
  onChange,
  onApply,
  disabled,
}: {
  columns: string[];
  targets: string[];
  value: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
  onApply: () => void;
  disabled: boolean;
}) => (
  <Box component="section" aria-label="Columns to map" sx={{ my: 2 }} data-testid="column-mapping">
    <Typography variant="subtitle1" component="h3">
      Columns to map
    </Typography>
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
      An import reads the columns of the CSV export. Say which one each of these columns holds, or ignore it.
    </Typography>
    {columns.map((column, index) => (
      <Box key={column} sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1.5, flexWrap: 'wrap' }}>
        <Typography component="span" sx={{ minWidth: '12em', fontWeight: 600, overflowWrap: 'anywhere' }}>
          {column}
        </Typography>
        <ArrowForwardIcon fontSize="small" color="action" aria-hidden />
        <TextField
          select
          size="small"
          id={`column-mapping-${index}`}
          label={`What “${column}” holds`}
          value={value[column] ?? ''}
          onChange={(event) => onChange({ ...value, [column]: event.target.value })}
          fullWidth={false}
          sx={{ width: '18em' }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value="" disabled>
            Choose a column…
          </option>
          {targets.map((target) => (
            <option key={target} value={target}>
              {target}
            </option>
          ))}
          <option value={IGNORE}>ignore this column</option>
        </TextField>
      </Box>
    ))}
    <Button variant="outlined" onClick={onApply} disabled={disabled || columns.some((column) => !value[column])}>
      Check again with these columns
    </Button>
  </Box>
);
