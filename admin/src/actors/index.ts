import ActorIcon from '@mui/icons-material/RecordVoiceOver';
import { lazy } from 'react';
import type { Actor } from '../types';

export default {
  list: lazy(() => import('./ActorList')),
  show: lazy(() => import('./ActorShow')),
  edit: lazy(() => import('./ActorEdit')),
  create: lazy(() => import('./ActorCreate')),
  icon: ActorIcon,
  recordRepresentation: (actor: Actor) => actor.name,
};
