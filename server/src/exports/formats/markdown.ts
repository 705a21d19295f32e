import { Transform } from 'node:stream';
import { ReportRow, ReportSource } from '../export-columns';
import { citationMarker, interpretationLead, isQuotation, translationNote, unquotedLabel } from './quote-forms';
import { OPEN_START_BAND, periodHeading } from '../edtf-parts';
import { listInWords } from '../describe-filters';
import { shownSpeakerTitle } from './speaker-title';
import { webLink } from './web-link';

/** A line ending as CommonMark reads one (\n, \r) or as other readers and editors do (\v, \f, NEL, U+2028, U+2029). */
const LINE_ENDING = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
/** Line endings with the blanks around them: where a single-line field is folded. */
const LINE_BREAKS = /\s*[\n\r\v\f\u0085\u2028\u2029]\s*/g;
/** Characters Markdown would read as markup (or HTML) inside running text. */
const INLINE_MARKUP = /[\\`*_[\]<>|#~]/g;

/**
 * Text from the database as running text of one line: line breaks (and the blanks around them)
 * folded to one space, since a break inside a headline, a speaker or a venue would end its
 * entry and start a block of its own (`\n===` a heading, `\n---` a rule, an indented line
 * code); then the inline markup escaped, and what would start a block at the beginning of a
 * line (a list item `-`, `+`, `1.`, `1)`; an underline or rule `===`, `---`).
 */
export const escapeMarkdown = (text: string) =>
  text
    .replace(LINE_BREAKS, ' ')
    .replace(INLINE_MARKUP, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');

/**
 * A quotation, which keeps its lines in the report's blockquote: each escaped as running text
 * and without its indentation (four spaces would make a line code), so that no line of it can
 * start a heading, a rule, a list, a fence or code.
 */
const textLines = (value: string) => value.split(LINE_ENDING).map((line) => escapeMarkdown(line.trim()));

function citation(source: ReportSource): string {
  const authors = source.authors.length ? `${listInWords(source.authors.map(escapeMarkdown))}, ` : '';
  const publisher = source.publisher ? `, *${escapeMarkdown(source.publisher)}*` : '';
  const published = source.publishedOn ? `, ${source.publishedOn}` : '';
  const translated = source.translatedFrom ? ` (translated from ${escapeMarkdown(source.translatedFrom)})` : '';
  // An address that is no web address (javascript:) is left out: never a link.
  const link = webLink(source.url);
  const url = link ? ` <${link}>` : '';
  return `${authors}“${escapeMarkdown(source.title)}”${publisher}${published}${translated}.${url}`;
}

export interface MarkdownReportOptions {
  title: string;
  exportedOn: string;
  sortedBy: string;
  /** false: no title and no "Exported …" line (a snapshot writes its own, which names its hash). */
  header?: boolean;
  /**
   * Which statements an entry replies to the report may name when it leaves them out: `all` (a
   * team member's export), or `verified` ones only (the default: an anonymous reader who sees
   * published statements only, and a snapshot, which anyone may read once it holds only
   * verified statements). The others are "a statement not in this report".
   */
  replyTargets?: 'all' | 'verified';
}

/** The anchor of an entry in the report, which "In reply to" links to: `statement-<id>`. */
export const statementAnchor = (id: number) => `statement-${id}`;

/**
 * The line under the headline: when (as precise as its EDTF date, and whether the curator
 * inferred it), who (the role at the time once: shownSpeakerTitle), where, on whose account,
 * the stance, and the sources it cites with their locators.
 */
function factsLine(row: ReportRow, markers: string): string {
  const inferred = row.dateInferred ? ' (date inferred)' : '';
  const title = shownSpeakerTitle(row);
  const role = title ? `, ${escapeMarkdown(title)}` : '';
  const place = [row.venue, row.location]
    .filter(Boolean)
    .map((p) => escapeMarkdown(p!))
    .join(', ');
  const attribution = row.attribution ? ` *(${escapeMarkdown(row.attribution)})*` : '';
  const facts = [
    `**${escapeMarkdown(row.displayDate)}**${inferred}`,
    `**${escapeMarkdown(row.speaker)}**${role}${place ? ` (${place})` : ''}${attribution}`,
  ];
  if (row.stance) facts.push(`Stance: ${escapeMarkdown(row.stance)}`);
  if (markers) facts.push(markers);
  return facts.join(' · ');
}

/**
 * "In reply to" the statement the entry answers: a link to its entry when the report holds it,
 * else its headline and date and that the report leaves it out (no link that leads nowhere), or
 * only that, when the reader may not see it.
 */
function replyLine(row: ReportRow, replyTargets: 'all' | 'verified'): string {
  if (row.respondsToInReport === null) return '';
  const target = row.respondsTo;
  const named = target ? `${escapeMarkdown(target.headline)} (${escapeMarkdown(target.displayDate)})` : '';
  if (target && row.respondsToInReport) return `\n*In reply to* [${named}](#${statementAnchor(target.id)})\n`;
  if (target && (replyTargets === 'all' || target.verified)) return `\n*In reply to* ${named}, not in this report.\n`;
  return '\n*In reply to a statement not in this report.*\n';
}

/**
 * Rows in, a report out that pastes into a paper as it is: a title that says what was selected,
 * entries under period headings, each with its headline as a heading (and an anchor), then its
 * date, speaker, stance and sources, what it replies to, the quote (in quotation marks only when
 * it is the speaker's words), the summary and the source's reading; the sources numbered in
 * order of first citation and listed at the end. Only the cited sources are held in memory.
 */
export function markdownSerializer(options: MarkdownReportOptions): Transform {
  const replyTargets = options.replyTargets ?? 'verified';
  const cited = new Map<number, { number: number; source: ReportSource }>();
  let heading: string | undefined;
  let count = 0;
  return new Transform({
    writableObjectMode: true,
    transform(row: ReportRow, _encoding, done) {
      let text =
        count === 0 && options.header !== false
          ? `# ${escapeMarkdown(options.title)}\n\n*Exported from Chronicle on ${options.exportedOn}, sorted by ${options.sortedBy}.*\n`
          : '';
      count++;
      const period = periodHeading(row.date);
      if (period !== heading) {
        heading = period;
        text += `\n## ${period}\n`;
        if (period === OPEN_START_BAND) text += '\n*Known only to have happened by the day each gives; when, before it, is unknown.*\n';
      }
      const markers = row.sources
        .map((source) => {
          if (!cited.has(source.id)) cited.set(source.id, { number: cited.size + 1, source });
          return citationMarker(cited.get(source.id)!.number, source.locator && escapeMarkdown(source.locator));
        })
        .join('');
      const status = row.status === 'occurred' ? '' : ` *(${row.status})*`;
      // The anchor is inline HTML of the report's own making (an id from the database's integers), never data.
      text += `\n### <a id="${statementAnchor(row.id)}"></a>${escapeMarkdown(row.headline)}${status}\n`;
      text += `\n${factsLine(row, markers)}\n`;
      text += replyLine(row, replyTargets);
      if (row.quote && isQuotation(row)) {
        // The speaker's words: a blockquote in quotation marks, the translation said as such.
        const quoted = textLines(row.quote);
        quoted[0] = `“${quoted[0]}`;
        quoted[quoted.length - 1] += '”';
        const note = escapeMarkdown(translationNote(row));
        text += `\n${quoted.map((line) => `> ${line}`.trimEnd()).join('\n')}${note ? ` *(${note})*` : ''}\n`;
        if (row.quoteOriginal) {
          const language = row.quoteOriginalLanguage ? ` (${escapeMarkdown(row.quoteOriginalLanguage)})` : '';
          text += `>\n> *Original${language}:* ${escapeMarkdown(row.quoteOriginal)}\n`;
        }
      } else if (row.quote) {
        text += `\n*${unquotedLabel(row)}:* ${escapeMarkdown(row.quote)}\n`;
      }
      // The summary keeps its paragraphs; each line escaped, so none can start a block.
      if (row.summary) text += `\n${textLines(row.summary).join('\n')}\n`;
      if (row.interpretation) text += `\n*${escapeMarkdown(interpretationLead(row))}:* ${escapeMarkdown(row.interpretation)}\n`;
      done(null, text);
    },
    flush(done) {
      let text = '';
      if (count === 0 && options.header !== false)
        text = `# ${escapeMarkdown(options.title)}\n\n*Exported from Chronicle on ${options.exportedOn}.*\n`;
      if (count === 0) text += '\nNo entries match.\n';
      if (count) text += `\n---\n\n${count} ${count === 1 ? 'entry' : 'entries'}.\n`;
      if (cited.size) {
        text += '\n## Sources\n\n';
        for (const { number, source } of cited.values()) text += `${number}. ${citation(source)}\n`;
      }
      done(null, text);
    },
  });
}
