import type { ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ColumnOptions } from 'typeorm';
import {
  emptyToNull,
  INT32_MAX,
  IsCalendarDate,
  IsLanguageTag,
  IsNotBlank,
  IsStorableText,
  MaxChars,
  OptionalNotNull,
} from '../../kernel/validation/field-decorators';
import { snakeCase } from '../../database/snake-naming.strategy';
import { ID_LIST, IsIdListOrEdit, LINK_EDIT_SCHEMA, MAX_LINKS } from './link-edit';
import { FieldDeclaration, Fields } from './field';

/*
 * The kinds of field a record is made of. Each says in one place how the field is stored,
 * validated and documented; a record's declaration is a list of these.
 */

interface Documented {
  description?: string;
  example?: unknown;
  /** For the team only: left out for anonymous readers of a published timeline. */
  internal?: boolean;
}

const documented = (options: Documented, schema: ApiPropertyOptions): ApiPropertyOptions => ({
  ...schema,
  description: options.description,
  example: options.example,
});

/** Any field: the escape hatch for a kind of its own (a statement's EDTF date). */
export function field<V, R extends boolean, D extends boolean = false>(declaration: {
  column: ColumnOptions;
  required: R;
  derived?: D;
  empty?: V;
  validators?: PropertyDecorator[];
  schema: ApiPropertyOptions;
  internal?: boolean;
}): FieldDeclaration<V, R, D> {
  return {
    storage: { kind: 'column', column: declaration.column },
    derived: (declaration.derived ?? false) as D,
    required: declaration.required,
    empty: declaration.empty,
    validators: declaration.validators ?? [],
    schema: declaration.schema,
    internal: declaration.internal ?? false,
  };
}

/** Kept as varchar up to this many characters, as text beyond. */
const VARCHAR_LIMIT = 2048;

/**
 * Text of at most `maxLength` characters (code points, as PostgreSQL counts them), valid
 * Unicode without NUL. Required text must say something (not blank); optional text stores
 * '' as null.
 */
export function text<R extends boolean = false>(
  options: Documented & { maxLength: number; required?: R; column?: ColumnOptions; validate?: PropertyDecorator[]; pattern?: string },
): FieldDeclaration<R extends true ? string : string | null, R, false> {
  const required = (options.required ?? false) as R;
  const column: ColumnOptions =
    options.column ?? (options.maxLength <= VARCHAR_LIMIT ? { type: 'varchar', length: options.maxLength } : { type: 'text' });
  return field<R extends true ? string : string | null, R>({
    column: { ...column, nullable: !required },
    required,
    empty: required ? undefined : (null as never),
    internal: options.internal,
    validators: [
      ...(required ? [IsString(), IsNotBlank(({ property }) => `${property} must not be empty`)] : [emptyToNull, IsOptional(), IsString()]),
      MaxChars(options.maxLength),
      IsStorableText(),
      ...(options.validate ?? []),
    ],
    schema: documented(options, {
      type: 'string',
      maxLength: options.maxLength,
      ...(required ? { minLength: 1 } : { nullable: true }),
      ...(options.pattern ? { pattern: options.pattern } : {}),
    }),
  });
}

/** A list of short texts (aliases, authors): never null, [] when empty, no blank entries. */
export function textList(options: Documented & { maxItems: number; maxLength: number }): FieldDeclaration<string[], false, false> {
  return field({
    column: { type: 'text', array: true, default: () => "'{}'" },
    required: false,
    empty: [],
    validators: [
      OptionalNotNull(),
      IsArray(),
      ArrayMaxSize(options.maxItems),
      IsString({ each: true }),
      IsNotBlank(({ property }) => `${property} must not contain empty entries`),
      MaxChars(options.maxLength),
      IsStorableText(),
    ],
    schema: documented(options, {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: options.maxLength },
      maxItems: options.maxItems,
    }),
  });
}

/** One of a fixed set of values, with a default: never null. */
export function oneOf<V extends string>(
  values: readonly V[],
  options: Documented & { enumName: string; default: V },
): FieldDeclaration<V, false, false> {
  const message = ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}`;
  return field({
    column: { type: 'enum', enum: values, enumName: options.enumName, default: options.default },
    required: false,
    empty: options.default,
    validators: [OptionalNotNull(), IsIn(values as V[], { message })],
    schema: documented(
      { ...options, description: options.description ?? `Default: ${options.default}` },
      { enum: [...values], enumName: pascalCase(options.enumName) },
    ),
  });
}

/** One of a fixed set of values, or null: nothing chosen until someone says (no default is guessed). */
export function oneOfOrNull<V extends string>(
  values: readonly V[],
  options: Documented & { enumName: string },
): FieldDeclaration<V | null, false, false> {
  const message = ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')} (or null)`;
  return field({
    column: { type: 'enum', enum: values, enumName: options.enumName, nullable: true },
    required: false,
    empty: null,
    validators: [emptyToNull, IsOptional(), IsIn(values as V[], { message })],
    // Inline, null among the values: OpenAPI 3.0 cannot make a shared ($ref) enum nullable.
    schema: documented(
      { ...options, description: `${(options.description ?? 'Null until chosen').replace(/\.$/, '')}. An empty string is read as null.` },
      { type: 'string', enum: [...values, null], nullable: true },
    ),
  });
}

/** Yes or no, false unless set: never null. */
export function flag(options: Documented): FieldDeclaration<boolean, false, false> {
  return field({
    column: { type: 'boolean', default: false },
    required: false,
    empty: false,
    validators: [OptionalNotNull(), IsBoolean({ message: ({ property }) => `${property} must be true or false` })],
    schema: documented(options, { type: 'boolean', default: false }),
  });
}

/** A whole number within bounds. */
export function integer<R extends boolean = false>(
  options: Documented & { min: number; max: number; required?: R; column?: ColumnOptions },
): FieldDeclaration<R extends true ? number : number | null, R, false> {
  const required = (options.required ?? false) as R;
  const message = ({ property }: { property: string }) => `${property} must be an integer from ${options.min} to ${options.max}`;
  return field<R extends true ? number : number | null, R>({
    column: { ...(options.column ?? { type: 'integer' }), nullable: !required },
    required,
    empty: required ? undefined : (null as never),
    validators: [...(required ? [] : [IsOptional()]), IsInt({ message }), Min(options.min, { message }), Max(options.max, { message })],
    schema: documented(options, { type: 'integer', minimum: options.min, maximum: options.max, ...(required ? {} : { nullable: true }) }),
  });
}

/** A calendar day, YYYY-MM-DD, or null. */
export function calendarDate(options: Documented): FieldDeclaration<string | null, false, false> {
  return field({
    column: { type: 'date', nullable: true },
    required: false,
    empty: null,
    validators: [emptyToNull, IsOptional(), IsCalendarDate()],
    schema: documented(options, { type: 'string', format: 'date', nullable: true }),
  });
}

/** A BCP 47 language tag (en, ja, ru, zh-Hant), or null. */
export function languageTag(options: Documented): FieldDeclaration<string | null, false, false> {
  return field({
    column: { type: 'varchar', length: 35, nullable: true },
    required: false,
    empty: null,
    validators: [emptyToNull, IsOptional(), IsLanguageTag()],
    schema: documented({ example: 'en', ...options }, { type: 'string', maxLength: 35, nullable: true }),
  });
}

/** The id of another record, kept as a foreign key: the record it names cannot be deleted while named. */
export function reference<R extends boolean = false>(
  options: Documented & {
    /**
     * The table referred to. By name, not by entity: a declaration imports no entity, so that
     * an entity can refer to its own kind (a statement's reply to another).
     */
    table: string;
    /** Name of the relation property that carries the foreign key (speaker for speakerId). */
    relation: string;
    required?: R;
  },
): FieldDeclaration<R extends true ? number : number | null, R, false> {
  const required = (options.required ?? false) as R;
  return {
    storage: { kind: 'reference', column: { type: 'integer', nullable: !required }, relation: options.relation, table: options.table },
    derived: false,
    required,
    empty: required ? undefined : (null as never),
    validators: [...(required ? [] : [IsOptional()]), IsInt(), Min(1), Max(INT32_MAX)],
    schema: documented(options, { type: 'integer', minimum: 1, maximum: INT32_MAX, ...(required ? {} : { nullable: true }) }),
    internal: false,
  };
}

/**
 * An ordered list of ids of other records, kept in a link table (record id, linked id,
 * position) so that the order given is kept. A change may also add and remove ids:
 * `{ "add": [4], "remove": [2] }`, which react-admin's bulk update sends to many records.
 */
export function links(
  options: Documented & {
    /** The link table; `recordColumn` names the record, `linkedColumn` the linked one. */
    table: string;
    recordColumn: string;
    linkedColumn: string;
    /** The table of the linked records. */
    linkedTable: string;
  },
): FieldDeclaration<number[], false, false> {
  return {
    storage: {
      kind: 'links',
      table: options.table,
      recordColumn: options.recordColumn,
      linkedColumn: options.linkedColumn,
      linkedTable: options.linkedTable,
    },
    derived: false,
    required: false,
    empty: [],
    validators: [
      OptionalNotNull(),
      IsArray(),
      ArrayMaxSize(MAX_LINKS),
      ArrayUnique({ message: ({ property }) => `${property} must not list the same id twice` }),
      IsInt({ each: true }),
      Min(1, { each: true }),
      Max(INT32_MAX, { each: true }),
    ],
    changeValidators: [OptionalNotNull(), IsIdListOrEdit()],
    schema: documented(options, ID_LIST),
    // `type` only to tell Nest's schema factory this is no class; it drops it beside oneOf.
    changeSchema: documented(options, { type: 'object', oneOf: [ID_LIST, LINK_EDIT_SCHEMA] } as ApiPropertyOptions),
    internal: false,
  };
}

/**
 * The links of the link list `linksField`, each as an object: the linked id under `idKey` and
 * the details the link table keeps (`details`, each a column of it). A client writes either
 * list; the details of a link kept when only the ids are written are kept. `item` is the class
 * that validates and documents one entry.
 */
export function linkDetails<Item extends object>(
  options: Documented & {
    linksField: string;
    idKey: string;
    /** The details, declared as fields: the link table's columns (declareColumns) and the item's properties (declareCreateBody). */
    details: Fields;
    item: new () => Item;
  },
): FieldDeclaration<Item[], false, false> {
  const columns = Object.fromEntries(Object.keys(options.details).map((property) => [property, snakeCase(property)]));
  return {
    storage: { kind: 'linkDetails', linksField: options.linksField, idKey: options.idKey, columns },
    derived: false,
    required: false,
    empty: [],
    validators: [
      OptionalNotNull(),
      IsArray({ message: ({ property }) => `${property} must be a list` }),
      ArrayMaxSize(MAX_LINKS),
      ValidateNested({ each: true }),
      Type(() => options.item),
    ],
    schema: documented(options, { type: [options.item], maxItems: MAX_LINKS }),
    internal: false,
  };
}

/** A value the server computes from other fields on every write (a date's bounds). */
export function derived<V>(options: Documented & { column: ColumnOptions; schema: ApiPropertyOptions }): FieldDeclaration<V, false, true> {
  return field({ column: options.column, required: false, derived: true, schema: documented(options, options.schema) });
}

const pascalCase = (snake: string) => snake.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());
