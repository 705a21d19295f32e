import { Button } from '@mui/material';
import { Link } from 'react-router-dom';
import { TimelineIcon } from '../timeline/TimelineIcon';
import { statementFilterParams } from './statementFilters';

/** The same selection, read as a timeline. */
export const OpenTimelineButton = ({ filter }: { filter: Record<string, unknown> }) => {
  const params = statementFilterParams(filter).toString();
  return (
    <Button size="small" component={Link} to={`/timeline${params ? `?${params}` : ''}`} startIcon={<TimelineIcon />}>
      Timeline
    </Button>
  );
};
