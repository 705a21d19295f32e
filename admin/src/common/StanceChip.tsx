import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Stance } from '../types';
import { NO_STANCE_COLOR, readableTextColor } from './color';

type StanceLike = Pick<Stance, 'name' | 'color'> & { score?: number };

const describeScore = (score: number | undefined) => (score === undefined ? undefined : `score ${score > 0 ? '+' : ''}${score}`);

/** A stance as a chip in the stance's own colour. */
export const StanceChip = ({ stance, size = 'small' }: { stance: StanceLike; size?: ChipProps['size'] }) => {
  const color = stance.color ?? NO_STANCE_COLOR;
  return (
    <Chip
      size={size}
      label={stance.name}
      title={describeScore(stance.score)}
      sx={{ backgroundColor: color, color: readableTextColor(color), fontWeight: 500 }}
    />
  );
};

/** The stance of the current record context (inside a ReferenceField to stances). */
export const StanceChipField = () => {
  const stance = useRecordContext<Stance>();
  return stance ? <StanceChip stance={stance} /> : null;
};

/** A small round swatch, for menus and filters. */
export const ColorDot = ({ color, size = 12 }: { color: string | null | undefined; size?: number }) => (
  <span
    aria-hidden
    style={{
      display: 'inline-block',
      width: size,
      height: size,
      borderRadius: '50%',
      backgroundColor: color ?? NO_STANCE_COLOR,
      border: '1px solid rgba(0,0,0,0.2)',
      flexShrink: 0,
    }}
  />
);
