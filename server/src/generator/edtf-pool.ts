import { ParsedEdtf } from '../statements/edtf/edtf.types';
import { parseEdtf } from '../statements/edtf/parse-edtf';
import { Random } from './random';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const DAYS_PER_MONTH = 8;

type Kind = 'day' | 'month' | 'year' | 'season' | 'qualified' | 'unspecified' | 'interval' | 'open';

/** How often each EDTF form occurs: mostly days, every level-0 and level-1 form present. */
const KIND_WEIGHTS: [Kind, number][] = [
  ['day', 60],
  ['month', 12],
  ['year', 4],
  ['season', 4],
  ['qualified', 8],
  ['unspecified', 4],
  ['interval', 6],
  ['open', 2],
];

/**
 * A pool of EDTF dates over a span of years, parsed once: generating a million statements
 * draws from it instead of running the parser a million times.
 */
export class EdtfPool {
  private readonly byKind = new Map<Kind, ParsedEdtf[]>();

  constructor(random: Random, firstYear: number, lastYear: number) {
    const add = (kind: Kind, date: string) => {
      const list = this.byKind.get(kind) ?? [];
      list.push(parseEdtf(date));
      this.byKind.set(kind, list);
    };
    for (let year = firstYear; year <= lastYear; year++) {
      add('year', `${year}`);
      for (let season = 21; season <= 24; season++) if (season < 24 || year < lastYear) add('season', `${year}-${season}`);
      for (let month = 1; month <= 12; month++) {
        const ym = `${year}-${pad(month)}`;
        add('month', ym);
        add('qualified', `${ym}?`);
        add('unspecified', `${ym}-XX`);
        // A sample of days keeps the pool (each entry parsed once) quick to build.
        for (const day of random.sample(
          Array.from({ length: daysIn(year, month) }, (_, i) => i + 1),
          DAYS_PER_MONTH,
        )) {
          add('day', `${ym}-${pad(day)}`);
        }
        add('qualified', `${ym}-${pad(random.int(1, daysIn(year, month)))}~`);
      }
      add('qualified', `${year}~`);
      add('qualified', `${year}%`);
      add('unspecified', `${year}-XX`);
      if (year % 10 === 0) add('unspecified', `${String(year).slice(0, 3)}X`);
    }
    for (let i = 0; i < 600; i++) {
      const year = random.int(firstYear, lastYear - 1);
      const from = random.int(1, 12);
      const to = random.int(from, 12);
      add(
        'interval',
        random.chance(0.5)
          ? `${year}-${pad(from)}/${year + random.int(0, 1)}-${pad(to)}`
          : `${year}-${pad(from)}-${pad(random.int(1, 28))}/${year}-${pad(to)}-${pad(28)}`,
      );
    }
    for (let year = firstYear; year <= lastYear; year++) {
      add('open', `${year}-${pad(random.int(1, 12))}/..`);
      add('open', `${year}/`);
      add('open', `../${year}`);
    }
  }

  draw(random: Random): ParsedEdtf {
    return random.pick(this.byKind.get(random.weighted(KIND_WEIGHTS))!);
  }
}
