import { FieldErrors } from '../kernel/errors/api-errors';

/** The fields the rules across a statement's fields read. */
interface RuledFields {
  quote?: string | null;
  quoteKind?: string | null;
  quoteOriginal?: string | null;
  quoteOriginalLanguage?: string | null;
  interpretation?: string | null;
  interpretationSourceId?: number | null;
  sourceIds?: number[];
}

/**
 * The fields each rule below reads together: a write that changes one may be refused naming
 * another (the one the write gives, see `on`). Tests read this to know which field a refusal may name.
 */
export const STATEMENT_RULE_FIELDS: readonly (readonly (keyof RuledFields)[])[] = [
  ['quoteKind', 'quote'],
  ['quoteOriginal', 'quoteOriginalLanguage'],
  ['interpretation', 'interpretationSourceId', 'sourceIds'],
];

/**
 * Rules across a statement's fields, for the API and the import alike: a quote kind needs a
 * quote; original wording needs its language and a language its wording; an interpretation is
 * some cited source's reading. `values`: what a write gives; `before`: the statement it
 * changes. Fills in what is not a guess (the interpretation's source when one source is cited;
 * none once the interpretation is emptied) and returns the problems by field.
 */
export function applyStatementRules(values: Record<string, unknown>, before?: object): FieldErrors {
  const merged: RuledFields = { ...(before as RuledFields | undefined) };
  for (const [field, value] of Object.entries(values)) if (value !== undefined) (merged as Record<string, unknown>)[field] = value;
  const errors: FieldErrors = Object.create(null);
  // A problem across two fields is named on the one this write gives, where the curator is looking.
  const on = (field: string, other: string) => (values[field] !== undefined || values[other] === undefined ? field : other);
  if (merged.quoteKind && !merged.quote) errors[on('quoteKind', 'quote')] = 'quoteKind describes a quote, and the statement has none';
  if (merged.quoteOriginal && !merged.quoteOriginalLanguage) {
    errors[on('quoteOriginal', 'quoteOriginalLanguage')] = 'the original wording needs its language: quoteOriginalLanguage (ru, ja…)';
  }
  if (merged.quoteOriginalLanguage && !merged.quoteOriginal) {
    errors[on('quoteOriginalLanguage', 'quoteOriginal')] =
      'quoteOriginalLanguage names the language of an original wording, and there is none';
  }
  const cited = merged.sourceIds ?? [];
  const had = (before as RuledFields | undefined)?.interpretation;
  if (!merged.interpretation) {
    // Emptying the interpretation (a form sends its source back unchanged) lets go of its source;
    // naming a source for no interpretation is a mistake.
    if (had && values.interpretation !== undefined) values.interpretationSourceId = null;
    else if (values.interpretationSourceId) {
      errors[on('interpretationSourceId', 'interpretation')] =
        'interpretationSourceId names whose reading the interpretation is, and there is none';
    } else if (merged.interpretationSourceId) values.interpretationSourceId = null;
  } else if (!merged.interpretationSourceId) {
    if (cited.length === 1) values.interpretationSourceId = cited[0];
    else if (!cited.length)
      errors[on('interpretation', 'sourceIds')] = "an interpretation is a source's reading: cite that source (sourceIds)";
    else
      errors[on('interpretation', 'interpretationSourceId')] =
        'name the source whose reading the interpretation is (interpretationSourceId)';
  } else if (!cited.includes(merged.interpretationSourceId)) {
    errors[on('interpretationSourceId', 'sourceIds')] =
      `the interpretation's source (${merged.interpretationSourceId}) must be one the statement cites (sourceIds)`;
  }
  return errors;
}
