// Signs of injected spam in a hacked page (a legacy CMS's, a WordPress post). Hacked Chinese CMS sites typically carry a spam
// <title>, blocks of links hidden from readers (but not from search engines), and links to gambling,
// adult or pharmacy sites. The words below are such sites' stock vocabulary, in both scripts and English.
//
// Words match as words: a Latin word only between non-letters ("XXX" inside an identifier or a longer
// word is clean). Some words are also the vocabulary of real prose: a police report on fighting online
// gambling names the games (打击网络赌博, 查处赌场, 赌博形式包括百家乐、时时彩), a programmer greps for
// TODO, FIXME and XXX. Those count only in a promotional context: a promotional word close by (开户,
// 注册送, 官网, 娱乐城…), a product name of the spam trade close by (澳门葡京, 真人视讯, bet365: spam
// words come in crowds, news names a game or two), or a promotional place the caller names (a link
// to another host, a block hidden from readers). Words news uses every day (下注, 网址, 信誉: 举报网址,
// 信誉第一) are no promotional context at all.

/** Spam wherever they appear: product names and terms no news report needs. */
const ALWAYS = [
  // gambling
  "真人視訊",
  "真人视讯",
  "體育投注",
  "体育投注",
  "澳門葡京",
  "澳门葡京",
  "彩票平台",
  "bet365",
  "baccarat",
  // adult
  "成人影片",
  "成人视频",
  "成人視頻",
  "無碼",
  "无码",
  "一本道",
  "倫理片",
  "伦理片",
  "福利視頻",
  "福利视频",
  "約炮",
  "约炮",
  "av女優",
  "av女优",
  "porn",
  "sex video",
  // pharmacy and other stock spam
  "偉哥",
  "伟哥",
  "壯陽",
  "壮阳",
  "viagra",
  "cialis",
  "payday loan",
  "replica watches",
];

/** Spam only in a promotional context: real prose (news, law, history) uses them too. */
const IN_CONTEXT = [
  "博彩",
  "賭場",
  "赌场",
  "賭博",
  "赌博",
  "百家樂",
  "百家乐",
  "時時彩",
  "时时彩",
  "六合彩",
  "老虎機",
  "老虎机",
  "威尼斯人",
  "色情",
  "代孕",
  "代開發票",
  "代开发票",
  "辦證",
  "办证",
  "私服",
  "casino",
  "betting",
  "slot machine",
  "escort",
  // "XXX" is a programmer's marker as much as an adult site's word
  "xxx",
];

/** Words that turn an IN_CONTEXT word into spam when they stand close to it. */
const PROMOTIONAL = [
  "開戶",
  "开户",
  "註冊送",
  "注册送",
  "官網",
  "官网",
  "最新網址",
  "最新网址",
  "娛樂城",
  "娱乐城",
  "彩金",
  "首存",
  "返水",
  "點擊進入",
  "点击进入",
  "bonus",
  "free spins",
  "deposit",
  "sign up",
  "play now",
];

/** How far (characters, either side) a promotional word, or a stock spam word, may stand from the word it makes spam. */
const NEAR = 24;

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A word's pattern: Latin ends may not touch other Latin letters or digits. */
const asWord = (w: string) =>
  `${/^[a-z0-9]/i.test(w) ? "(?<![a-z0-9_])" : ""}${escape(w)}${/[a-z0-9]$/i.test(w) ? "(?![a-z0-9_])" : ""}`;
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const PATTERN = new RegExp(
  byLength([...ALWAYS, ...IN_CONTEXT])
    .map(asWord)
    .join("|"),
  "gi",
);
const PROMO = new RegExp(byLength(PROMOTIONAL).map(asWord).join("|"), "i");
const CONTEXTUAL = new Set(IN_CONTEXT.map((w) => w.toLowerCase()));

export interface SpamContext {
  /** The text stands in a promotional place (a link to another host, a hidden block): every word counts. */
  promotional?: boolean;
}

/** The spam words found in `text`, each once, lower-cased, in the order they first appear. */
export function spamWords(text: string, context: SpamContext = {}): string[] {
  const matches = [...text.matchAll(PATTERN)].map((m) => ({
    word: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
  /** Whether a stock spam word (not another contextual one) stands within NEAR of match `i`: looks only at the few matches that close. */
  const besideStock = (i: number) => {
    const { start, end } = matches[i]!;
    for (let j = i - 1; j >= 0 && matches[j]!.end >= start - NEAR; j--)
      if (!CONTEXTUAL.has(matches[j]!.word)) return true;
    for (let j = i + 1; j < matches.length && matches[j]!.start <= end + NEAR; j++)
      if (!CONTEXTUAL.has(matches[j]!.word)) return true;
    return false;
  };
  const found = new Set<string>();
  matches.forEach(({ word, start, end }, i) => {
    if (found.has(word)) return;
    if (
      CONTEXTUAL.has(word) &&
      !context.promotional &&
      !PROMO.test(text.slice(Math.max(0, start - NEAR), end + NEAR)) &&
      !besideStock(i)
    )
      return;
    found.add(word);
  });
  return [...found];
}

/** How many different spam words make a whole text spam, under whatever heading: news names a game or two, spam crowds them. */
const SPAM_TEXT_WORDS = 3;

/**
 * The spam words of a text that is spam as a whole (an article's or post's body: the importers keep
 * it out), or null when it is not.
 */
export function spamThroughout(text: string): string[] | null {
  const words = spamWords(text);
  return words.length >= SPAM_TEXT_WORDS ? words : null;
}

/** Inline styles that hide an element from readers: display:none, visibility:hidden, zero size, off-screen,
 * fully transparent, or a 1-pixel box that clips its content. (Hiding by a stylesheet class is not seen.) */
const HIDDEN =
  /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|(?:^|[;\s])(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}/i;

const TRANSPARENT = /(?:^|[;\s])opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)/i;
const TINY = /(?:^|[;\s])(?:height|width)\s*:\s*[01](?:px)?\s*(?:;|$)/i;
const CLIPPED = /overflow\s*:\s*hidden/i;

export function hidesElement(style: string | undefined): boolean {
  return !!style && (HIDDEN.test(style) || TRANSPARENT.test(style) || (TINY.test(style) && CLIPPED.test(style)));
}
