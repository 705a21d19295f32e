import { Transform } from 'node:stream';
import { timelineDates } from '../edtf-parts';
import { ReportRow } from '../export-columns';
import { interpretationLead, isQuotation, translationNote, unquotedLabel } from './quote-forms';
import { shownSpeakerTitle } from './speaker-title';
import { webLink } from './web-link';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** TimelineJS renders headline and text as HTML: everything from the database is escaped. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
const paragraphs = (text: string) =>
  text
    .split(/\r?\n\r?\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');

function eventText(row: ReportRow): string {
  let html = '';
  const who = [row.speaker, shownSpeakerTitle(row)]
    .filter(Boolean)
    .map((s) => escapeHtml(s!))
    .join(', ');
  const where = [row.venue, row.location]
    .filter(Boolean)
    .map((s) => escapeHtml(s!))
    .join(', ');
  html += `<p><strong>${who}</strong>${where ? ` — ${where}` : ''}${row.stance ? ` · ${escapeHtml(row.stance)}` : ''}</p>`;
  if (row.attribution) html += `<p class="chronicle-attribution"><em>${escapeHtml(row.attribution)}</em></p>`;
  if (row.quote && isQuotation(row)) {
    const note = translationNote(row);
    html += `<blockquote>${paragraphs(`“${row.quote}”`)}${note ? `<p><em>(${escapeHtml(note)})</em></p>` : ''}</blockquote>`;
    if (row.quoteOriginal) {
      const language = row.quoteOriginalLanguage ? ` lang="${escapeHtml(row.quoteOriginalLanguage)}"` : '';
      html += `<p class="chronicle-original"><em>Original:</em> <span${language}>${escapeHtml(row.quoteOriginal)}</span></p>`;
    }
  } else if (row.quote) {
    html += `<p class="chronicle-paraphrase"><em>${unquotedLabel(row)}:</em> ${escapeHtml(row.quote)}</p>`;
  }
  if (row.summary) html += paragraphs(row.summary);
  if (row.interpretation) {
    html += `<p class="chronicle-interpretation"><em>${escapeHtml(interpretationLead(row))}:</em> ${escapeHtml(row.interpretation)}</p>`;
  }
  if (row.sources.length) {
    const cites = row.sources.map((s) => {
      const title = escapeHtml(s.title);
      // Only a web address becomes a link: a javascript: one would run in the reader's browser.
      const link = webLink(s.url);
      const linked = link ? `<a href="${escapeHtml(link)}" target="_blank" rel="noopener noreferrer">${title}</a>` : title;
      const where = s.locator ? `, ${escapeHtml(s.locator)}` : '';
      return s.publisher ? `${linked} (${escapeHtml(s.publisher)}${where})` : `${linked}${where}`;
    });
    html += `<p class="chronicle-sources">Sources: ${cites.join('; ')}</p>`;
  }
  return html;
}

export interface TimelineJsOptions {
  title: string;
  exportedOn: string;
}

/** Rows in, the JSON document TimelineJS 3 loads: a title slide and one event per entry, grouped by speaker. */
export function timelineJsSerializer(options: TimelineJsOptions): Transform {
  const head = JSON.stringify({
    title: { text: { headline: escapeHtml(options.title), text: `<p>Exported from Chronicle on ${options.exportedOn}.</p>` } },
  }).slice(0, -1);
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row: ReportRow, _encoding, done) {
      const event = {
        ...timelineDates(row.date),
        display_date: escapeHtml(row.displayDate),
        text: { headline: escapeHtml(row.headline), text: eventText(row) },
        group: escapeHtml(row.speaker),
        unique_id: `statement-${row.id}`,
      };
      const prefix = first ? `${head},"events":[\n` : ',\n';
      first = false;
      done(null, prefix + JSON.stringify(event));
    },
    flush(done) {
      done(null, first ? `${head},"events":[]}\n` : '\n]}\n');
    },
  });
}
