/*
 * Word stock for synthetic data: English, Russian and Japanese side by side, as in the
 * disputes Chronicle tracks. Synthetic URLs use example.org (RFC 2606), never real sites.
 */

type NamePart = readonly [latin: string, native: string | null];
interface NameStock {
  given: readonly NamePart[];
  family: readonly NamePart[];
  nativeOrder: 'family-first' | 'given-first';
}

export const PERSON_NAMES: Record<'JP' | 'RU' | 'US', NameStock> = {
  JP: {
    given: [
      ['Taro', '太郎'],
      ['Shinzo', '晋三'],
      ['Yoshihide', '義偉'],
      ['Fumio', '文雄'],
      ['Toshimitsu', '敏充'],
      ['Yoko', '陽子'],
      ['Hiroshi', '博'],
      ['Kenji', '健二'],
      ['Akiko', '明子'],
      ['Masahiko', '正彦'],
    ],
    family: [
      ['Kono', '河野'],
      ['Abe', '安倍'],
      ['Suga', '菅'],
      ['Kishida', '岸田'],
      ['Motegi', '茂木'],
      ['Kamikawa', '上川'],
      ['Hayashi', '林'],
      ['Yamaguchi', '山口'],
      ['Sato', '佐藤'],
      ['Tanaka', '田中'],
      ['Suzuki', '鈴木'],
      ['Watanabe', '渡辺'],
    ],
    nativeOrder: 'family-first',
  },
  RU: {
    given: [
      ['Sergey', 'Сергей'],
      ['Vladimir', 'Владимир'],
      ['Maria', 'Мария'],
      ['Igor', 'Игорь'],
      ['Dmitry', 'Дмитрий'],
      ['Alexander', 'Александр'],
      ['Mikhail', 'Михаил'],
      ['Yelena', 'Елена'],
      ['Andrei', 'Андрей'],
      ['Oleg', 'Олег'],
    ],
    family: [
      ['Lavrov', 'Лавров'],
      ['Zakharova', 'Захарова'],
      ['Morgulov', 'Моргулов'],
      ['Galuzin', 'Галузин'],
      ['Panov', 'Панов'],
      ['Peskov', 'Песков'],
      ['Medvedev', 'Медведев'],
      ['Kozyrev', 'Козырев'],
      ['Ivanov', 'Иванов'],
      ['Smirnov', 'Смирнов'],
    ],
    nativeOrder: 'given-first',
  },
  US: {
    given: [
      ['John', null],
      ['Mary', null],
      ['Robert', null],
      ['Linda', null],
      ['James', null],
      ['Susan', null],
    ],
    family: [
      ['Smith', null],
      ['Johnson', null],
      ['Brown', null],
      ['Miller', null],
      ['Davis', null],
      ['Wilson', null],
    ],
    nativeOrder: 'given-first',
  },
};

export const PERSON_TITLES: Record<string, string[]> = {
  JP: [
    'Prime Minister of Japan',
    'Foreign Minister of Japan',
    'Chief Cabinet Secretary',
    'Ambassador of Japan to Russia',
    'Member of the House of Representatives',
    'Governor of Hokkaido',
  ],
  RU: [
    'President of Russia',
    'Foreign Minister of Russia',
    'Deputy Foreign Minister of Russia',
    'Spokeswoman of the Russian Foreign Ministry',
    'Ambassador of Russia to Japan',
    'Governor of Sakhalin Oblast',
  ],
  US: ['U.S. Secretary of State', 'U.S. Ambassador to Japan', 'Member of the U.S. Senate'],
};

export const ORGANIZATIONS: [string, string | null, string][] = [
  ['Ministry of Foreign Affairs of Japan', '外務省', 'JP'],
  ['Cabinet Office of Japan', '内閣府', 'JP'],
  ['Hokkaido Government', '北海道庁', 'JP'],
  ['League of Former Island Residents', '千島歯舞諸島居住者連盟', 'JP'],
  ['Russian Foreign Ministry', 'Министерство иностранных дел Российской Федерации', 'RU'],
  ['Kremlin Press Service', 'Пресс-служба Кремля', 'RU'],
  ['Sakhalin Oblast Duma', 'Сахалинская областная дума', 'RU'],
  ['Russian Ministry of Defence', 'Министерство обороны Российской Федерации', 'RU'],
  ['U.S. Department of State', null, 'US'],
];

export const TOPICS = [
  'Sovereignty',
  'Residents',
  'Compensation',
  'US forces',
  '1956 Joint Declaration',
  'Peace treaty',
  'Fisheries',
  'Visa-free exchanges',
  'Joint economic activity',
  'Military deployment',
  'Missile defence',
  'Historical view',
  'Grave visits',
  'Energy cooperation',
  'Sanctions',
  'Tourism',
  'Infrastructure on the islands',
  'Border guards',
  'Customs regime',
  'Environmental protection',
  'Kuril Islands development programme',
  'Security dialogue',
  'Summit diplomacy',
  'Public opinion',
  'Former residents',
  'Maritime boundary',
  'Airspace incidents',
  'Trade',
  'Investment',
  'Humanitarian exchanges',
  'Education exchanges',
  'Medical cooperation',
  'Disaster relief',
  'Arctic shipping',
  'Crab quotas',
  'Seaweed harvesting',
  'Ainu heritage',
  'Legal framework',
  'Land transfer',
  'Administrative rights',
];

export const STANCES: [string, number, string][] = [
  ['Rejecting', -2, '#c62828'],
  ['Critical', -1, '#ef6c00'],
  ['Neutral', 0, '#757575'],
  ['Conciliatory', 1, '#7cb342'],
  ['Supportive', 2, '#2e7d32'],
];

export const PUBLISHERS: [string, string][] = [
  ['The Mainichi', 'en'],
  ['Asahi Shimbun', 'ja'],
  ['Yomiuri Shimbun', 'ja'],
  ['NHK World', 'en'],
  ['Kyodo News', 'en'],
  ['Nikkei Asia', 'en'],
  ['TASS', 'ru'],
  ['RIA Novosti', 'ru'],
  ['Kommersant', 'ru'],
  ['Interfax', 'ru'],
  ['Reuters', 'en'],
  ['Associated Press', 'en'],
  ['The Japan Times', 'en'],
  ['Izvestia', 'ru'],
  ['Hokkaido Shimbun', 'ja'],
];

export const PLACES = [
  'Moscow',
  'Tokyo',
  'Sapporo',
  'Yuzhno-Sakhalinsk',
  'Vladivostok',
  'Osaka',
  'Singapore',
  'Nemuro',
  'Kunashir',
  'Shikotan',
  'New York',
  'Helsinki',
];
export const VENUES = [
  'press conference',
  'TV interview',
  'talks',
  'parliamentary session',
  'briefing',
  'summit',
  'radio interview',
  'statement on the website',
  'joint press event',
  'forum',
];

export const VERBS_EN = [
  'says',
  'warns',
  'insists',
  'rejects',
  'calls for',
  'welcomes',
  'questions',
  'proposes',
  'denies',
  'confirms',
  'criticises',
  'hopes for',
];
export const PHRASES_EN = [
  'progress on the peace treaty',
  'the transfer of two islands',
  'joint economic activity',
  'the status of the residents',
  'the 1956 declaration as the basis',
  'no change of sovereignty',
  'a guarantee on U.S. forces',
  'visa-free visits',
  'compensation for former residents',
  'new military deployments',
  'a "fruitful and historic" year',
  'talks "without preconditions"',
];
export const QUOTES_RU = [
  'Это российские территории, и суверенитет не обсуждается.',
  'Мы готовы к диалогу, но без предварительных условий.',
  'Заявления японской стороны, мягко говоря, неприемлемы.',
  'Декларация 1956 года остаётся основой переговоров.',
  'Вопрос о размещении американских войск для нас принципиален.',
];
export const QUOTES_JA = [
  '領土問題を解決して平和条約を締結する。',
  '住民の皆さんに理解していただける形で進めたい。',
  '一九五六年宣言を基礎として交渉を加速させる。',
  '実り多い歴史的な年にしたい。',
  '元島民の方々の思いを胸に、粘り強く交渉する。',
];
export const QUOTES_EN = [
  'We will not discuss the sovereignty of the islands.',
  'The talks were frank, and at times difficult.',
  'A compromise has to be acceptable to both peoples, including the residents.',
  'We hope to make this year "a fruitful and historic one".',
  'Any deployment would be, in our view, unacceptable — full stop.',
];
export const SUMMARY_SENTENCES = [
  'The remark followed a week of exchanges between the two foreign ministries.',
  'Officials declined to give details, citing the confidentiality of the talks.',
  'The statement was widely reported in Japanese and Russian media, with differing emphasis.',
  'Analysts read it as a signal ahead of the next summit.',
  "Former residents' groups reacted within hours.",
  '会談後、双方は別々に記者会見を行った。',
  'Стороны договорились продолжить консультации на уровне заместителей министров.',
];
/** Text that breaks careless CSV and JSON writers: commas, quotes, line breaks, emoji, formula starts. */
export const AWKWARD_TEXT = [
  'Tokyo, Moscow and "the islands"',
  'line one\nline two',
  '=HYPERLINK("http://example.org")',
  '+7 495 000-00-00',
  '@mention',
  '🗾 islands 🇯🇵🇷🇺',
  '-2 degrees, windy',
  'tab\there',
];
