import SourceIcon from '@mui/icons-material/MenuBook';
import { lazy } from 'react';
import type { Source } from '../types';

export default {
  list: lazy(() => import('./SourceList')),
  show: lazy(() => import('./SourceShow')),
  edit: lazy(() => import('./SourceEdit')),
  create: lazy(() => import('./SourceCreate')),
  icon: SourceIcon,
  recordRepresentation: (source: Source) => source.title,
};
