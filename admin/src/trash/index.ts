import TrashIcon from '@mui/icons-material/DeleteOutline';
import { lazy } from 'react';

/** Deleted records awaiting restore or permanent deletion (admin only). */
export default {
  list: lazy(() => import('./TrashList')),
  icon: TrashIcon,
};
