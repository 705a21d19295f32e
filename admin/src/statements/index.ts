import StatementIcon from '@mui/icons-material/FormatQuote';
import { lazy } from 'react';
import type { Statement } from '../types';
import { statementOptionText } from './statementChoices';

export default {
  list: lazy(() => import('./StatementList')),
  show: lazy(() => import('./StatementShow')),
  edit: lazy(() => import('./StatementEdit')),
  create: lazy(() => import('./StatementCreate')),
  icon: StatementIcon,
  recordRepresentation: (record: Statement) => statementOptionText(record),
};
