import { EdtfError, parseEdtf } from './parse-edtf';
import { ParsedEdtf } from './edtf.types';

/*
 * What someone may have meant by a date written in words ("before 2019-01", "c. 2019",
 * "Jan. 14, 2019 approx"): the EDTF forms to offer them, for the admin's date input. Only
 * suggestions; nothing here is ever stored without the curator choosing it.
 */

/** Longer inputs are not dates in words. */
export const SUGGESTION_TEXT_MAX_LENGTH = 200;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SEASONS: Record<string, number> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };

const pad = (n: number) => String(n).padStart(2, '0');

/** "january", "jan.", "sept" → 1–12: a month's name or its first three letters or more. */
function monthNumber(word: string): number | undefined {
  const w = word.replace(/\.$/, '');
  const index = w.length < 3 ? -1 : MONTHS.findIndex((month) => month.startsWith(w));
  return index < 0 ? undefined : index + 1;
}

/** A date without qualifier, as EDTF: "2019-01", "January 2019", "Jan. 14, 2019", "14 January 2019", "autumn 2018", "the 2010s". */
function plainDate(text: string): string | undefined {
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (m) return [m[1], m[2] && pad(Number(m[2])), m[3] && pad(Number(m[3]))].filter(Boolean).join('-');
  m = /^([a-z]+\.?)\s+(\d{4})$/.exec(text);
  if (m) {
    const season = SEASONS[m[1]];
    if (season) return `${m[2]}-${season}`;
    const month = monthNumber(m[1]);
    return month ? `${m[2]}-${pad(month)}` : undefined;
  }
  m =
    /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text) ??
    /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+\.?),?\s+(\d{4})$/.exec(text);
  if (m) {
    const [monthWord, day] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const month = monthNumber(monthWord);
    return month ? `${m[3]}-${pad(month)}-${pad(Number(day))}` : undefined;
  }
  m = /^(?:the\s+)?(\d{3})0s$/.exec(text);
  if (m) return `${m[1]}X`;
  return undefined;
}

const APPROXIMATE_BEFORE = /^(?:c\.|ca\.?|circa|about|around|approx\.?|approximately|roughly|some ?time around)\s*/;
const APPROXIMATE_AFTER = /\s*(?:,\s*)?(?:~|approx\.?|approximately|circa|or so|\(approx\.?\)|\(approximately\))$/;
const UNCERTAIN_BEFORE = /^(?:maybe|perhaps|possibly|probably|likely|uncertain:?)\s+/;
const UNCERTAIN_AFTER = /\s*(?:,\s*)?(?:\?|maybe|perhaps|possibly|probably|\(uncertain\)|\(\?\))$/;

/** A date with its qualifiers in words, as EDTF: "c. 2019" → 2019~, "maybe 2019" → 2019?, both → 2019%. */
function qualifiedDate(text: string): string | undefined {
  let rest = text.trim();
  let approximate = false;
  let uncertain = false;
  for (let changed = true; changed;) {
    const before = rest;
    if (APPROXIMATE_BEFORE.test(rest) || APPROXIMATE_AFTER.test(rest)) approximate = true;
    if (UNCERTAIN_BEFORE.test(rest) || UNCERTAIN_AFTER.test(rest)) uncertain = true;
    rest = rest
      .replace(APPROXIMATE_BEFORE, '')
      .replace(APPROXIMATE_AFTER, '')
      .replace(UNCERTAIN_BEFORE, '')
      .replace(UNCERTAIN_AFTER, '')
      .trim();
    changed = rest !== before;
  }
  // A plain date keeps an EDTF qualifier it already has ("2019-01?").
  const written = /^(.*\d)([?~%])$/.exec(rest);
  if (written) {
    rest = written[1];
    if (written[2] !== '?') approximate = true;
    if (written[2] !== '~') uncertain = true;
  }
  const date = plainDate(rest);
  if (!date) return undefined;
  return `${date}${approximate && uncertain ? '%' : approximate ? '~' : uncertain ? '?' : ''}`;
}

const BY = /^(?:before|by|until|till|til|up to|prior to|no later than|not after|at the latest)\s+(.+)$/;
const BY_AFTER = /^(.+?)\s+(?:or earlier|at the latest)$/;
const FROM = /^(?:after|since|from|starting|beginning|not before|no earlier than)\s+(.+?)(?:\s+(?:onwards?|or later|and later))?$/;
const FROM_AFTER = /^(.+?)\s+(?:onwards?|or later|and later)$/;
const RANGE = /^(?:between|from)?\s*(.+?)\s+(?:and|to|until|till|through|thru|-|–|—)\s+(.+)$/;

/** The EDTF forms the words may stand for, most likely first; unchecked. */
function candidates(text: string): string[] {
  const found: string[] = [];
  const add = (make: (...dates: string[]) => string, ...parts: string[]) => {
    const dates = parts.map(qualifiedDate);
    if (dates.every((d): d is string => d !== undefined)) found.push(make(...dates));
  };
  let m = RANGE.exec(text);
  if (m && !/^(?:before|by|after|since)\s/.test(text)) add((a, b) => `${a}/${b}`, m[1], m[2]);
  if ((m = BY.exec(text) ?? BY_AFTER.exec(text))) add((d) => `../${d}`, m[1]);
  if ((m = FROM.exec(text) ?? FROM_AFTER.exec(text))) add((d) => `${d}/..`, m[1]);
  add((d) => d, text);
  return found;
}

/**
 * EDTF forms for a date written in words, each as the server would read it: "before 2019-01"
 * → `../2019-01` (by January 2019), "after 2019-01" → `2019-01/..`, "c. 2019" → `2019~`,
 * "maybe 2019" → `2019?`, "January 2019" → `2019-01`. Empty when nothing fits.
 */
export function suggestEdtf(input: string): ParsedEdtf[] {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text || text.length > SUGGESTION_TEXT_MAX_LENGTH) return [];
  const suggestions: ParsedEdtf[] = [];
  for (const date of new Set(candidates(text))) {
    if (date === input) continue;
    try {
      suggestions.push(parseEdtf(date));
    } catch (error) {
      if (!(error instanceof EdtfError)) throw error;
    }
  }
  return suggestions;
}
