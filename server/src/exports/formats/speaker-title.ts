import type { ReportRow } from '../export-columns';

const comparable = (text: string) => text.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/**
 * The speaker's role at the time as a report shows it after the name, or null when the name
 * says it already. An unnamed official is recorded under the office ("Deputy Foreign Minister
 * of Russia", as the source calls him), and the statement's `speakerTitle` — the role at the
 * time, which the form offers from the actor's title — repeats it: "Deputy Foreign Minister of
 * Russia, Deputy Foreign Minister of Russia". The actor's current title is never used instead:
 * titles change, and a report says what was true then.
 */
export function shownSpeakerTitle(row: Pick<ReportRow, 'speaker' | 'speakerTitle'>): string | null {
  const title = row.speakerTitle?.trim();
  if (!title) return null;
  return comparable(row.speaker).includes(comparable(title)) ? null : title;
}
