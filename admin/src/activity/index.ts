import ActivityIcon from '@mui/icons-material/History';
import { lazy } from 'react';

/** The `revisions` collection, read as the activity feed (the menu calls it "Activity"). */
export default {
  list: lazy(() => import('./ActivityList')),
  icon: ActivityIcon,
};
