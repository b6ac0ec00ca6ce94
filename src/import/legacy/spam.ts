// Signs of injected spam in a hacked legacy page. Hacked Chinese CMS sites typically carry a spam
// <title>, blocks of links hidden from readers (but not from search engines), and links to gambling,
// adult or pharmacy sites. The words below are such sites' stock vocabulary, in both scripts and English.
const WORDS = [
  // gambling
  "博彩", "賭場", "赌场", "賭博", "赌博", "百家樂", "百家乐", "六合彩", "時時彩", "时时彩", "老虎機", "老虎机", "真人視訊", "真人视讯",
  "體育投注", "体育投注", "威尼斯人", "澳門葡京", "澳门葡京", "彩票平台", "bet365", "casino", "baccarat", "betting", "slot machine",
  // adult
  "色情", "成人影片", "成人视频", "成人視頻", "無碼", "无码", "一本道", "倫理片", "伦理片", "福利視頻", "福利视频", "約炮", "约炮", "av女優", "av女优",
  "porn", "xxx", "escort", "sex video",
  // pharmacy and other stock spam
  "偉哥", "伟哥", "壯陽", "壮阳", "代孕", "代開發票", "代开发票", "辦證", "办证", "私服", "viagra", "cialis", "payday loan", "replica watches",
];
const PATTERN = new RegExp(WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "gi");

/** The spam words found in `text`, each once, lower-cased. */
export function spamWords(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[0].toLowerCase()))];
}

/** Inline styles that hide an element from readers: display:none, visibility:hidden, zero size, off-screen,
 * fully transparent, or a 1-pixel box that clips its content. (Hiding by a stylesheet class is not seen.) */
const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|(?:^|[;\s])(?:height|width)\s*:\s*0(?:px)?\s*(?:;|$)|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}/i;

const TRANSPARENT = /(?:^|[;\s])opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)/i;
const TINY = /(?:^|[;\s])(?:height|width)\s*:\s*[01](?:px)?\s*(?:;|$)/i;
const CLIPPED = /overflow\s*:\s*hidden/i;

export function hidesElement(style: string | undefined): boolean {
  return !!style && (HIDDEN.test(style) || TRANSPARENT.test(style) || (TINY.test(style) && CLIPPED.test(style)));
}
