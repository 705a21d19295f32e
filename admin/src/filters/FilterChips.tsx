import { Box, Chip } from '@mui/material';

/** One active filter value, named in words ("Speaker: Sergey Lavrov"), and how to take it off. */
export interface ActiveFilter {
  key: string;
  label: string;
  remove: () => void;
}

/**
 * The active filters as a row of chips, each removable: on a phone the filters themselves are
 * behind a button, and this row says what the results are narrowed to. A chip is one button
 * ("Remove Speaker: Sergey Lavrov"): a click, Enter, Delete or Backspace takes it off.
 */
export const FilterChips = ({ filters }: { filters: ActiveFilter[] }) =>
  filters.length ? (
    <Box
      component="ul"
      aria-label="Active filters"
      data-testid="active-filters"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', p: 0, m: 0, mt: 1 }}
    >
      {filters.map((filter) => (
        <Box component="li" key={filter.key} sx={{ maxWidth: '100%' }}>
          <Chip
            size="small"
            label={filter.label}
            title={filter.label}
            aria-label={`Remove ${filter.label}`}
            onClick={filter.remove}
            onDelete={filter.remove}
            sx={{ maxWidth: '100%' }}
          />
        </Box>
      ))}
    </Box>
  ) : null;
