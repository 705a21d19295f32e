import { Client } from 'pg';

/**
 * Every table of a database's public schema as `{ table: "<rows>:<md5 of the sorted rows>" }`:
 * equal checksums mean equal contents, row for row and column for column.
 */
export async function databaseChecksum(connectionString: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    const checksums: Record<string, string> = {};
    for (const { name } of tables) {
      // TypeORM keys its record of generated columns by the name of the database it is in.
      const source =
        name === 'typeorm_metadata' ? `(SELECT schema, "table", type, name, value FROM public.typeorm_metadata)` : `public."${name}"`;
      const { rows } = await client.query<{ n: number; digest: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM ${source} t`,
      );
      checksums[name] = `${rows[0].n}:${rows[0].digest}`;
    }
    return checksums;
  } finally {
    await client.end();
  }
}
