import type { ReportRow } from '../export-columns';

/*
 * How the reports (Markdown, TimelineJS) present what a statement's source says: only the
 * speaker's words (verbatim, or the source's translation of them) go in quotation marks; a
 * paraphrase, or a quote whose kind no curator has said, never does; the source's reading is
 * the source's, by name.
 */

/** Whether the quote is the speaker's words, to be shown in quotation marks. */
export const isQuotation = (row: Pick<ReportRow, 'quote' | 'quoteKind'>) =>
  !!row.quote && (row.quoteKind === 'verbatim' || row.quoteKind === 'translation');

/** How a quote that is no quotation is introduced: "Paraphrase", or that nobody has said what it is. */
export const unquotedLabel = (row: Pick<ReportRow, 'quoteKind'>) =>
  row.quoteKind === 'paraphrase' ? 'Paraphrase' : 'Wording as recorded (not checked as a quotation)';

/** "translation" after a translated quotation, with the original's language when known. */
export const translationNote = (row: Pick<ReportRow, 'quoteKind' | 'quoteOriginalLanguage'>) =>
  row.quoteKind !== 'translation' ? '' : row.quoteOriginalLanguage ? `translated from ${row.quoteOriginalLanguage}` : 'translation';

/** Who the interpretation belongs to: "According to The Mainichi". */
export const interpretationLead = (row: Pick<ReportRow, 'interpretationSource'>) =>
  `According to ${row.interpretationSource ?? 'the source'}`;

/** A source as cited by one entry: its number, then where in it ("[1, para. 5]"). */
export const citationMarker = (number: number, locator: string | null) => `[${number}${locator ? `, ${locator}` : ''}]`;
