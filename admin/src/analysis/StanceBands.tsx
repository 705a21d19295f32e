import { useDrawingArea, useYScale } from '@mui/x-charts';
import { stanceColor, type StanceBand } from './stanceScale';

/** The stance scale behind the lines: a pale band in each stance's colour, and a strip of it along the y axis. */
export const StanceBands = ({ bands }: { bands: StanceBand[] }) => {
  const { left, width } = useDrawingArea();
  const y = useYScale<'linear'>();
  return (
    <g aria-hidden data-testid="analysis-stance-bands">
      {bands.map((band) => {
        const color = stanceColor(band.stances[0]);
        const top = y(band.to);
        const bottom = y(band.from);
        return (
          <g key={band.score}>
            <rect x={left} y={top} width={width} height={bottom - top} fill={color} fillOpacity={0.12} />
            <rect x={left} y={top} width={6} height={bottom - top} fill={color} />
          </g>
        );
      })}
    </g>
  );
};
