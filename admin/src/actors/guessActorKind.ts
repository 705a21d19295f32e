import type { ActorKind } from '../types';

/**
 * Words that make a name an organisation's (a government, a ministry, a party, a company, a
 * side in talks…), matched as whole words in any case. Anything else is guessed a person.
 */
const ORGANISATION_WORDS = [
  'government',
  'governments',
  'ministry',
  'ministries',
  'mfa',
  'embassy',
  'consulate',
  'mission',
  'parliament',
  'duma',
  'diet',
  'senate',
  'congress',
  'assembly',
  'council',
  'cabinet',
  'kremlin',
  'presidency',
  'administration',
  'office',
  'secretariat',
  'department',
  'agency',
  'bureau',
  'service',
  'authority',
  'authorities',
  'committee',
  'commission',
  'court',
  'party',
  'federation',
  'union',
  'republic',
  'kingdom',
  'state',
  'states',
  'nations',
  'army',
  'navy',
  'forces',
  'command',
  'police',
  'university',
  'institute',
  'academy',
  'school',
  'foundation',
  'association',
  'organisation',
  'organization',
  'group',
  'bank',
  'company',
  'corporation',
  'corp',
  'inc',
  'ltd',
  'llc',
  'plc',
  'gmbh',
  'co',
  'news',
  'times',
  'press',
  'media',
  'side',
  'delegation',
  'leaders',
  'officials',
  'nato',
  'asean',
  'un',
  'eu',
  // Russian
  'правительство',
  'министерство',
  'мид',
  'посольство',
  'дума',
  'госдума',
  'совет',
  'партия',
  'агентство',
  'администрация',
  'кремль',
];

/** Japanese and Chinese names have no spaces: these are looked for anywhere in the name, or at its end. */
const CJK_ORGANISATION_PARTS = ['政府', '大使館', '議会', '国会', '委員会', '外務省', '内閣', '首相官邸', '政党'];
const CJK_ORGANISATION_ENDINGS = ['省', '庁', '党', '府'];

const WORDS = new Set(ORGANISATION_WORDS);

/** Every country and region by its English name (Russia, Japan, United States), from the browser's own list. */
const COUNTRY_NAMES = (() => {
  const names = new Set<string>(['soviet union', 'ussr']);
  const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters)
    for (const b of letters) {
      const name = regions.of(a + b);
      if (name) names.add(name.toLowerCase());
    }
  return names;
})();

export interface KindGuess {
  kind: ActorKind;
  /** What in the name made it an organisation ("Government", "Russia"); none for a person. */
  because?: string;
}

/**
 * A first guess at an actor's kind from its names, for the user to confirm or change: a name
 * with a word such as Government, Ministry, Embassy, Duma, Party, Inc or University, or that
 * is a country's name, is an organisation; anything else a person.
 */
export function guessActorKind(...names: Array<string | null | undefined>): KindGuess {
  for (const name of names) {
    const text = (name ?? '').trim();
    if (!text) continue;
    if (COUNTRY_NAMES.has(text.toLowerCase().replace(/^the\s+/, ''))) return { kind: 'organization', because: text };
    const word = text.split(/[^\p{L}\p{N}]+/u).find((part) => WORDS.has(part.toLowerCase()));
    if (word) return { kind: 'organization', because: word };
    const part = CJK_ORGANISATION_PARTS.find((p) => text.includes(p)) ?? CJK_ORGANISATION_ENDINGS.find((e) => text.endsWith(e));
    if (part) return { kind: 'organization', because: part };
  }
  return { kind: 'person' };
}
