import type { MigrationInterface } from 'typeorm';
import { CreateStatementSchema1795817056709 } from './1795817056709-CreateStatementSchema';
import { AddAccountsRevisionsAndTrash1795827637099 } from './1795827637099-AddAccountsRevisionsAndTrash';
import { IndexLiveStatements1795832002545 } from './1795832002545-IndexLiveStatements';
import { StoreSearchVector1795850000000 } from './1795850000000-StoreSearchVector';
import { VacuumRewrittenStatements1795850000001 } from './1795850000001-VacuumRewrittenStatements';

/**
 * Every migration, oldest first. `npm run migration:generate -- <Name>` writes a new file
 * here and appends it; read it and name it for what it does before committing.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateStatementSchema1795817056709,
  AddAccountsRevisionsAndTrash1795827637099,
  IndexLiveStatements1795832002545,
  StoreSearchVector1795850000000,
  VacuumRewrittenStatements1795850000001,
];
