import { snakeCase } from '../database/snake-naming.strategy';
import { EXPORT_COLUMN_NAMES } from '../exports/export-columns';
import { MatchedCollection, STATEMENT_FIELDS, StatementField } from '../statements/statement.fields';
import { ImportFileError } from './readers/source-rows';

/*
 * The columns an import reads: those the flat export writes (CSV, JSON, NDJSON), by the same
 * names, as each statement field's `import` role says. An export column that no field reads
 * (date_start, speaker_native_name, stance_score, created_at…) is accepted and ignored, so
 * that an export comes back as it is.
 */

/** What a column of an import file means. */
export type ColumnMeaning =
  /** The statement's id: the row changes that statement. */
  | { kind: 'id' }
  /** A field read as the API takes it. */
  | { kind: 'field'; field: string }
  /** A reference or link list, matched in a collection by id or name; `rank`: which of the field's columns wins when several hold a value. */
  | { kind: 'match'; field: string; collection: MatchedCollection; list: boolean; rank: number }
  /** The details of the link list `of`'s entries (a statement's sources: role, locator, excerpt), aligned with its column. */
  | { kind: 'details'; field: string; of: string }
  | { kind: 'ignored' };

export const IGNORE = 'ignore';

function readColumns(): Map<string, ColumnMeaning> {
  const columns = new Map<string, ColumnMeaning>([['id', { kind: 'id' }]]);
  for (const [field, declaration] of Object.entries(STATEMENT_FIELDS as Record<string, StatementField>)) {
    const role = declaration.import;
    if (role === false) continue;
    if (role === true) columns.set(snakeCase(field), { kind: 'field', field });
    else if ('detailsOf' in role) columns.set(role.column, { kind: 'details', field, of: role.detailsOf });
    else {
      role.columns.forEach((column, rank) =>
        columns.set(column, { kind: 'match', field, collection: role.match, list: declaration.storage.kind === 'links', rank }),
      );
    }
  }
  return columns;
}

/** Every column an import reads, by name. */
export const IMPORT_COLUMNS: ReadonlyMap<string, ColumnMeaning> = readColumns();

/** The export's columns that no field reads back: derived (date_start), or read from the record named (speaker_native_name). */
export const IGNORED_EXPORT_COLUMNS: readonly string[] = EXPORT_COLUMN_NAMES.filter((column) => !IMPORT_COLUMNS.has(column));

/** The names a file's column may be mapped to: a column an import reads, or "ignore". */
export const MAPPING_TARGETS: readonly string[] = [...IMPORT_COLUMNS.keys(), IGNORE];

/** For each field, the column it is read from (for messages): the first one the file holds. */
export type ColumnMapping = Readonly<Record<string, string>>;

/**
 * What each of a file's columns means: its own name, or what `mapping` maps it to
 * (`map[Speaker name]=speaker`, `map[Remarks]=ignore`). An unknown column is an error listing
 * the known ones; so is a mapping to no known column, or two columns meaning the same thing.
 */
export class ColumnMeanings {
  private readonly meanings = new Map<string, ColumnMeaning>();
  private readonly claimedBy = new Map<string, string>();

  constructor(private readonly mapping: ColumnMapping = {}) {
    for (const [column, target] of Object.entries(mapping)) {
      if (target !== IGNORE && !IMPORT_COLUMNS.has(target)) {
        throw new ImportFileError(
          `map[${column}]=${target}: "${target}" is not a column an import reads. Known: ${MAPPING_TARGETS.join(', ')}.`,
          { column },
        );
      }
    }
  }

  /** The meaning of a file's column (checked once per column). */
  of(column: string): ColumnMeaning {
    let meaning = this.meanings.get(column);
    if (meaning) return meaning;
    const target = this.mapping[column] ?? column;
    if (target === IGNORE || IGNORED_EXPORT_COLUMNS.includes(target)) meaning = { kind: 'ignored' };
    else {
      meaning = IMPORT_COLUMNS.get(target);
      if (!meaning) {
        throw new ImportFileError(
          `Column "${column}" is not one an import reads. Known columns: ${[...IMPORT_COLUMNS.keys()].join(', ')} ` +
            `(and, ignored, ${IGNORED_EXPORT_COLUMNS.join(', ')}). Map it to one (map[${column}]=speaker) or ignore it (map[${column}]=ignore).`,
          { column },
        );
      }
      const earlier = this.claimedBy.get(target);
      if (earlier !== undefined) {
        throw new ImportFileError(
          `Columns "${earlier}" and "${column}" both mean ${target}: map one of them to another column or ignore it.`,
          {
            column,
          },
        );
      }
      this.claimedBy.set(target, column);
    }
    this.meanings.set(column, meaning);
    return meaning;
  }

  /** Checks every column of a header at once, so that a file with a wrong header fails before its rows. */
  checkAll(columns: readonly string[]): void {
    for (const column of columns) this.of(column);
  }
}
