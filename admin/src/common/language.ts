/**
 * The language an actor's native name is most likely written in, from the actor's country, so
 * that it can carry a `lang` attribute: browsers then pick Japanese rather than Chinese glyph
 * shapes for 河野太郎, and screen readers the right voice. Unknown countries get no attribute.
 */
const COUNTRY_LANGUAGE: Record<string, string> = {
  JP: 'ja',
  RU: 'ru',
  CN: 'zh-Hans',
  TW: 'zh-Hant',
  KR: 'ko',
  KP: 'ko',
  UA: 'uk',
  BY: 'be',
  KZ: 'kk',
  MN: 'mn',
  DE: 'de',
  FR: 'fr',
  US: 'en',
  GB: 'en',
};

export const languageOfCountry = (country: string | null | undefined): string | undefined =>
  country ? COUNTRY_LANGUAGE[country] : undefined;
