import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, NamingStrategyInterface, Table, View } from 'typeorm';

/** camelCase → snake_case, as columns are named from properties. */
export const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const tableOf = (tableOrName: Table | View | string) =>
  (typeof tableOrName === 'string' ? tableOrName : tableOrName.name).split('.').pop()!;
const shortHash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);

/**
 * snake_case tables and columns, and constraint names a reader can understand in a
 * migration or in a PostgreSQL error (`fk_statements_speaker_id`, not `FK_3f2a…`).
 */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snakeCase(targetName);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snakeCase([...prefixes, propertyName].join('_'));
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override primaryKeyName(tableOrName: Table | string): string {
    return `pk_${tableOf(tableOrName)}`;
  }

  override foreignKeyName(tableOrName: Table | string, columnNames: string[]): string {
    return `fk_${tableOf(tableOrName)}_${columnNames.join('_')}`;
  }

  override uniqueConstraintName(tableOrName: Table | string, columnNames: string[]): string {
    return `uq_${tableOf(tableOrName)}_${columnNames.join('_')}`;
  }

  override indexName(tableOrName: Table | View | string, columns: string[], where?: string): string {
    const base = `idx_${tableOf(tableOrName)}_${columns.join('_')}`;
    return where ? `${base}_${shortHash(where)}` : base;
  }

  override checkConstraintName(tableOrName: Table | string, expression: string, isEnum?: boolean): string {
    return `chk_${tableOf(tableOrName)}_${isEnum ? 'enum_' : ''}${shortHash(expression)}`;
  }
}
