import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';

/** A query as node-postgres takes it: `$n` placeholders and their values. */
export interface BoundSql {
  sql: string;
  values: unknown[];
}

/** Distinct query shapes kept; a client cycling through more only costs a rebuild. */
const MAX_SHAPES = 1_000;

/**
 * SQL text per query *shape*, built once with TypeORM's query builder and reused.
 *
 * Why: the text of a list, count or timeline query depends only on its shape — which
 * filters are present and how (one value or several, the words of `q`), the sort, the
 * direction — never on the values, which are bound. Building it through SelectQueryBuilder
 * took about 4 % of the server's CPU per list request at 1,000,000 statements
 * (bench/FINDINGS.md, "the Node request path"), on every request, for the same few texts.
 * The builder stays the single source of the SQL; this only remembers what it wrote.
 */
export class SqlShapes {
  private readonly texts = new Map<string, string>();

  /** The text (with TypeORM's `:name` placeholders) for `shape`, from `build` the first time. */
  text(shape: string, build: () => string): string {
    let text = this.texts.get(shape);
    if (text === undefined) {
      text = build();
      if (this.texts.size >= MAX_SHAPES) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(shape, text);
    }
    return text;
  }

  get size(): number {
    return this.texts.size;
  }
}

/** Binds `:name` placeholders to `$n` exactly as TypeORM's query builder does for PostgreSQL. */
export function bindNamed(db: DataSource | EntityManager, text: string, params: ObjectLiteral): BoundSql {
  const driver = (db instanceof EntityManager ? db.connection : db).driver;
  const [sql, values] = driver.escapeQueryWithParameters(text, params);
  return { sql, values };
}

/** A shape key from its parts; NUL cannot occur in SQL text nor in a field name. */
export const shapeKey = (...parts: (string | number | boolean | undefined)[]) => parts.join('\u0000');
