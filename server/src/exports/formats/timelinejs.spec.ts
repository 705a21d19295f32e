import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { ReportRow, ReportSource } from '../export-columns';
import { timelineJsSerializer } from './timelinejs';

const source = (id: number, title: string, url: string | null): ReportSource => ({
  id,
  title,
  url,
  publisher: null,
  authors: [],
  publishedOn: null,
  translatedFrom: null,
  role: null,
  locator: null,
});

const row: ReportRow = {
  id: 1,
  date: '2019-01-14',
  dateStart: '2019-01-14',
  displayDate: 'Jan. 14, 2019',
  dateInferred: false,
  type: 'statement',
  status: 'occurred',
  speaker: 'Sergey Lavrov',
  speakerTitle: null,
  stance: null,
  headline: 'Lavrov on the islands',
  quote: null,
  quoteKind: null,
  quoteOriginal: null,
  quoteOriginalLanguage: null,
  summary: null,
  attribution: null,
  interpretation: null,
  interpretationSource: null,
  venue: null,
  location: null,
  sources: [
    source(1, 'Safe', 'https://example.org/a?b=1&c=2'),
    source(2, 'Script', 'javascript:alert(document.cookie)'),
    source(3, 'Script in capitals', ' JAVASCRIPT:alert(1)'),
    source(4, 'Data', 'data:text/html,<script>alert(1)</script>'),
    source(5, 'Quote breaking out', 'https://example.org/" onmouseover="alert(1)'),
  ],
  respondsTo: null,
  respondsToInReport: null,
};

describe('the TimelineJS document', () => {
  it('links only web addresses: a javascript: or data: source is its title, as text', async () => {
    const doc = JSON.parse(await text(Readable.from([row]).pipe(timelineJsSerializer({ title: 'Lavrov', exportedOn: '2026-11-28' }))));
    const html: string = doc.events[0].text.text;
    expect(html).toContain(
      '<p class="chronicle-sources">Sources: <a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">Safe</a>; ' +
        'Script; Script in capitals; Data; Quote breaking out</p>',
    );
    expect(html).not.toMatch(/javascript|data:/i);
  });

  it('names an unnamed official by the office once, not "office, office"', async () => {
    const official = {
      ...row,
      speaker: 'Deputy Foreign Minister of Russia',
      speakerTitle: 'Deputy Foreign Minister of Russia',
      sources: [],
    };
    const doc = JSON.parse(await text(Readable.from([official]).pipe(timelineJsSerializer({ title: 'Russia', exportedOn: '2026-11-28' }))));
    expect(doc.events[0].text.text).toMatch(/^<p><strong>Deputy Foreign Minister of Russia<\/strong><\/p>/);
  });
});
