import UserIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import { userRepresentation } from './userChoices';

/** Accounts (admin only): invite, change name and role, deactivate, reset a password. */
export default {
  list: lazy(() => import('./UserList')),
  edit: lazy(() => import('./UserEdit')),
  create: lazy(() => import('./UserCreate')),
  icon: UserIcon,
  recordRepresentation: userRepresentation,
};
