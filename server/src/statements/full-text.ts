import { ObjectLiteral } from 'typeorm';
import { badRequest } from '../kernel/errors/api-errors';
import { WhereClause } from '../records/list-query/collection-reader';

/**
 * Characters of scripts written without spaces between words (Thai, Lao, Myanmar, Khmer,
 * CJK ideographs, kana). Must match the class of SQL's `spaceless_script_text()`, whose
 * trigram index serves substring search in these scripts.
 */
export const SPACELESS_SCRIPT_CHARS =
  '\\u0E00-\\u0EFF\\u1000-\\u109F\\u1780-\\u17FF\\u2E80-\\u2FDF\\u3005-\\u3007\\u3021-\\u3029\\u3031-\\u3035\\u3038-\\u303C' +
  '\\u3040-\\u30FF\\u31F0-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF66-\\uFF9F\\u{20000}-\\u{323AF}';

const SPACELESS_RUN = new RegExp(`[${SPACELESS_SCRIPT_CHARS}]+`, 'u');
const SCRIPT_RUNS = new RegExp(`[${SPACELESS_SCRIPT_CHARS}]+|[^${SPACELESS_SCRIPT_CHARS}]+`, 'gu');
const MAX_SEARCH_TERMS = 16;

/** Words of a query, each split where it changes between spaced and spaceless scripts ("Abe安倍" → "Abe", "安倍"). */
export function searchTerms(text: string): { words: string[]; fragments: string[] } {
  const tokens = text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .flatMap((token) => token.match(SCRIPT_RUNS) ?? []);
  return {
    words: tokens.filter((t) => !SPACELESS_RUN.test(t)),
    fragments: tokens.filter((t) => SPACELESS_RUN.test(t)),
  };
}

/**
 * `q` → SQL over the search document: every term must match. Words match as prefixes of
 * the document's words (its `simple` tsvector, GIN-indexed); fragments of Japanese or
 * Chinese match anywhere (trigram-indexed), since those scripts do not separate words.
 */
export function fullTextCondition(text: string): WhereClause {
  const { words, fragments } = searchTerms(text);
  if (!words.length && !fragments.length) throw badRequest({ q: 'must contain at least one letter or digit' });
  if (words.length + fragments.length > MAX_SEARCH_TERMS) throw badRequest({ q: `must have at most ${MAX_SEARCH_TERMS} words` });
  const clauses: string[] = [];
  const params: ObjectLiteral = {};
  if (words.length) {
    // Words hold only letters, digits and marks, so no tsquery operator can reach to_tsquery.
    clauses.push(`s.search_vector @@ to_tsquery('simple', :qPrefixes)`);
    params.qPrefixes = words.map((t) => `${t}:*`).join(' & ');
  }
  fragments.forEach((fragment, i) => {
    clauses.push(`spaceless_script_text(s.search_text) ILIKE :qFragment${i}`);
    params[`qFragment${i}`] = `%${fragment}%`;
  });
  return { sql: `(${clauses.join(' AND ')})`, params };
}
