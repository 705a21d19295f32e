import ImportIcon from '@mui/icons-material/UploadFile';
import { lazy } from 'react';
import type { ImportSummary } from '../types';

/**
 * Imports of statements from files: past imports (everyone signed in), their reports, and for
 * editors and admins the import wizard (the create page) and undo.
 */
export default {
  list: lazy(() => import('./ImportList')),
  show: lazy(() => import('./ImportShow')),
  create: lazy(() => import('./ImportWizard')),
  icon: ImportIcon,
  recordRepresentation: (record: ImportSummary) => `${record.fileName || 'a file'} (#${record.id})`,
};
