import StanceIcon from '@mui/icons-material/Palette';
import { lazy } from 'react';
import type { Stance } from '../types';

const page = <K extends 'StanceList' | 'StanceShow' | 'StanceEdit' | 'StanceCreate'>(name: K) =>
  lazy(() => import('./StancePages').then((module) => ({ default: module[name] })));

export default {
  list: page('StanceList'),
  show: page('StanceShow'),
  edit: page('StanceEdit'),
  create: page('StanceCreate'),
  icon: StanceIcon,
  recordRepresentation: (stance: Stance) => stance.name,
};
