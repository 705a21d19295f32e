import type { ApiPropertyOptions } from '@nestjs/swagger';
import type { ColumnOptions } from 'typeorm';

/** Where a field's value is kept. */
export type FieldStorage =
  /** A column of the record's own table, named after the field in snake_case. */
  | { kind: 'column'; column: ColumnOptions }
  /** A foreign-key column, with the relation (to the table named, by name) that gives it its constraint. */
  | { kind: 'reference'; column: ColumnOptions; relation: string; table: string }
  /** An ordered list of ids in a table of links: (record id, linked id, position). */
  | { kind: 'links'; table: string; recordColumn: string; linkedColumn: string; linkedTable: string }
  /**
   * The same links as the link list `linksField`, each with what the link table says of it
   * (`columns`: the detail's property → its column): a statement's sources with their role and
   * locator. Written with or instead of the id list; the two always agree.
   */
  | { kind: 'linkDetails'; linksField: string; idKey: string; columns: Readonly<Record<string, string>> };

/**
 * One field of a curated record, declared once: how it is stored, how a client writes it
 * (validation and OpenAPI), how the API returns it, and what it holds when left out. The
 * entity's columns, the request and response classes, the writable fields, the empty record
 * and the SQL that reads the record (lists, single reads, revisions) all come from it.
 */
export interface FieldDeclaration<Value = unknown, Required extends boolean = boolean, Derived extends boolean = boolean> {
  readonly storage: FieldStorage;
  /** Computed by the server from other fields: returned, never taken from a client. */
  readonly derived: Derived;
  /** Must be given on creation and can never be null. */
  readonly required: Required;
  /** What a record created without the field holds; undefined for a required field. */
  readonly empty: Value | undefined;
  /** Validation and transformation of the value a client sends (class-validator, class-transformer). */
  readonly validators: readonly PropertyDecorator[];
  /** OpenAPI of the value, as sent and as returned. */
  readonly schema: ApiPropertyOptions;
  /**
   * The schema of the value a change (PUT, PATCH) may send, when it differs from a whole
   * value: a link list also takes `{ "add": [ids], "remove": [ids] }`.
   */
  readonly changeSchema?: ApiPropertyOptions;
  /** Validators for a change, when they differ from those of a whole value. */
  readonly changeValidators?: readonly PropertyDecorator[];
  /** For the team only: left out for anonymous readers of a published timeline. */
  readonly internal: boolean;
  /** Phantom: the value's type as the API returns it. */
  readonly value?: Value;
}

/** A record's fields, in the order the API returns them. */
export type Fields = Record<string, FieldDeclaration>;

export type ValueOf<F> = F extends FieldDeclaration<infer V, boolean, boolean> ? V : never;

/** The fields as a record type: what the entity holds and the API returns. */
export type FieldValues<F extends Fields> = { -readonly [K in keyof F]: ValueOf<F[K]> };

/** The fields a client may send: everything not derived; optional ones may be left out. */
export type FieldInput<F extends Fields> = {
  -readonly [K in keyof F as F[K]['derived'] extends true ? never : F[K]['required'] extends true ? K : never]: ValueOf<F[K]>;
} & {
  -readonly [K in keyof F as F[K]['derived'] extends true ? never : F[K]['required'] extends true ? never : K]?: ValueOf<F[K]>;
};
