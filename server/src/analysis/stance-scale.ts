/** Runs one query in the analysis's transaction and gives its rows. */
export type RowsOf = (sql: string) => Promise<unknown[]>;

/** A stance as an analysis reports it: the scale's legend. */
export interface ScaleStance {
  id: number;
  name: string;
  score: number;
  color: string | null;
  /** The name of its count as a column or graph attribute (`stance_rejecting`), unique within the answer. */
  attribute: string;
}

/** `stance_` and the name in lower-case ASCII letters, digits and underscores; the id when that leaves nothing or repeats. */
export function stanceAttributes(stances: { id: number; name: string }[]): string[] {
  const slugs = stances.map(({ name }) =>
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, ''),
  );
  return stances.map(({ id }, i) => {
    const slug = slugs[i];
    const unique = slug !== '' && slugs.indexOf(slug) === slugs.lastIndexOf(slug);
    return `stance_${unique ? slug : id}`;
  });
}

/**
 * The live stances, by score then id (a stance in use cannot be trashed). Read in the
 * analysis's own transaction (`rowsOf`), so that its counts and its legend describe the same data.
 */
export async function loadStanceScale(rowsOf: RowsOf): Promise<ScaleStance[]> {
  const rows = (await rowsOf('SELECT id, name, score, color FROM stances WHERE deleted_at IS NULL ORDER BY score, id')) as Omit<
    ScaleStance,
    'attribute'
  >[];
  const attributes = stanceAttributes(rows);
  return rows.map((row, i) => ({ ...row, attribute: attributes[i] }));
}
