import { factories } from '../../support/factories';
import type { TestApp } from '../../support/test-app';

/**
 * A small world whose every count, mean, shift and edge is worked out by hand in the tests:
 * three speakers, two topics, five stances (−2 … +2), fifteen statements with replies, a
 * month-only date, a year-only date, a season and a statement without stance.
 *
 *   id   speaker date        stance topics            reply to
 *   L1   Lavrov  2018-11-14  +1     peace
 *   L2   Lavrov  2019-01-14  −2     sovereignty
 *   L3   Lavrov  2019-01-16  −1     sovereignty, peace
 *   L4   Lavrov  2019-01     −2     sovereignty       (month only: placed by month)
 *   L5   Lavrov  2019        −1     sovereignty       (year only: imprecise by month and quarter)
 *   L6   Lavrov  2019-02-10  none   peace
 *   L7   Lavrov  2019-01-24  −2     peace             A2
 *   K1   Kono    2019-01-14  −1     sovereignty       L2
 *   K2   Kono    2019-01-22   0     peace
 *   K3   Kono    2019-21     +2     peace             (spring 2019, March–May: imprecise by month and quarter)
 *   K4   Kono    2019-02-05  +1     peace
 *   A1   Abe     2019-01-22  +1     peace, sovereignty L3
 *   A2   Abe     2019-01-23  +2     peace
 *   A3   Abe     2019-03-03   0     peace
 *   A4   Abe     2019-03-04  +1     peace             L7
 */
export async function buildSmallWorld(t: TestApp) {
  const make = factories(t);
  const lavrov = (await make.actor({ name: 'Sergey Lavrov', nativeName: 'Сергей Лавров', country: 'RU' })).id as number;
  const kono = (await make.actor({ name: 'Taro Kono', nativeName: '河野太郎', country: 'JP' })).id as number;
  const abe = (await make.actor({ name: 'Shinzo Abe', nativeName: '安倍晋三', country: 'JP' })).id as number;
  const sovereignty = (await make.topic({ name: 'Sovereignty' })).id as number;
  const peace = (await make.topic({ name: 'Peace treaty' })).id as number;
  const stance: Record<number, number> = {};
  const scale: [string, number, string][] = [
    ['Rejecting', -2, '#c62828'],
    ['Critical', -1, '#ef6c00'],
    ['Neutral', 0, '#757575'],
    ['Conciliatory', 1, '#7cb342'],
    ['Supportive', 2, '#2e7d32'],
  ];
  for (const [name, score, color] of scale) stance[score] = (await make.stance({ name, score, color })).id as number;

  const say = async (speakerId: number, date: string, score: number | null, topicIds: number[], respondsToId?: number) =>
    (
      await make.statement({
        speakerId,
        date,
        stanceId: score === null ? null : stance[score],
        topicIds,
        ...(respondsToId ? { respondsToId } : {}),
      })
    ).id as number;

  const L1 = await say(lavrov, '2018-11-14', 1, [peace]);
  const L2 = await say(lavrov, '2019-01-14', -2, [sovereignty]);
  const L3 = await say(lavrov, '2019-01-16', -1, [sovereignty, peace]);
  const L4 = await say(lavrov, '2019-01', -2, [sovereignty]);
  const L5 = await say(lavrov, '2019', -1, [sovereignty]);
  const L6 = await say(lavrov, '2019-02-10', null, [peace]);
  const K1 = await say(kono, '2019-01-14', -1, [sovereignty], L2);
  const K2 = await say(kono, '2019-01-22', 0, [peace]);
  const K3 = await say(kono, '2019-21', 2, [peace]);
  const K4 = await say(kono, '2019-02-05', 1, [peace]);
  const A1 = await say(abe, '2019-01-22', 1, [peace, sovereignty], L3);
  const A2 = await say(abe, '2019-01-23', 2, [peace]);
  const L7 = await say(lavrov, '2019-01-24', -2, [peace], A2);
  const A3 = await say(abe, '2019-03-03', 0, [peace]);
  const A4 = await say(abe, '2019-03-04', 1, [peace], L7);
  return {
    actors: { lavrov, kono, abe },
    topics: { sovereignty, peace },
    stance,
    ids: { L1, L2, L3, L4, L5, L6, L7, K1, K2, K3, K4, A1, A2, A3, A4 },
  };
}

export type SmallWorld = Awaited<ReturnType<typeof buildSmallWorld>>;
