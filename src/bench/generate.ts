// A deterministic synthetic archive for benchmarks and scale tests: a category registry, a site config
// and n Markdown articles, returned as relative path → file text. Pure: no I/O, no clock, no Math.random.
// Article i draws only from a PRNG seeded with `${seed}:${i}` (plus what articles 0…i-1 drew), so the
// first k articles of any archive with n ≥ k are byte-identical whatever n is. Its tags come from a PRNG
// of their own (`${seed}:${i}:tags`), so adding them changed nothing else an article draws.

export interface GeneratedArchive {
  /** Relative path (`_data/site.json`, `articles/<leaf>/<id>.md`, …) → file text, in a stable order. */
  files: Map<string, string>;
  /** Number of articles generated. */
  articleCount: number;
}

export interface BenchCategory {
  slug: string;
  name: string | { "zh-Hant": string; "zh-Hans": string; en: string };
  parent?: string;
  description: string;
}

type Lang = "zh" | "en" | "mixed";

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a tiny, fast 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------
// Site config and category registry

export const BENCH_SITE = {
  title: "Wenku Bench 文庫基準",
  tagline: "A synthetic archive for measuring builds · 合成文章庫",
  url: "https://bench.example",
  locale: "zh-Hant",
  timeZone: "Asia/Shanghai",
  pageSize: 20,
} as const;

const names = (zhHant: string, zhHans: string, en: string) => ({ "zh-Hant": zhHant, "zh-Hans": zhHans, en });

/** 3 top-level categories, 2 intermediate ones and 12 leaves; five leaves sit three levels down. */
export const BENCH_CATEGORIES: readonly BenchCategory[] = [
  {
    slug: "research",
    name: names("研究", "研究", "Research"),
    description: "Studies, methods and long-form analysis.",
  },
  {
    slug: "marketing",
    name: names("市場營銷", "市场营销", "Marketing"),
    parent: "research",
    description: "How firms find, win and keep customers.",
  },
  {
    slug: "industrial-marketing",
    name: names("工業營銷", "工业营销", "Industrial Marketing"),
    parent: "marketing",
    description: "Selling equipment, parts and services to other businesses.",
  },
  {
    slug: "consumer-insight",
    name: "消費者洞察",
    parent: "marketing",
    description: "What buyers say, what they do, and the gap between the two.",
  },
  {
    slug: "brand-strategy",
    name: names("品牌策略", "品牌策略", "Brand Strategy"),
    parent: "marketing",
    description: "Positioning, naming and the slow work of reputation.",
  },
  {
    slug: "methods",
    name: "Methods",
    parent: "research",
    description: "Notes on how the research behind these articles is done.",
  },
  {
    slug: "survey-design",
    name: names("問卷設計", "问卷设计", "Survey Design"),
    parent: "methods",
    description: "Sampling, wording and the traps in both.",
  },
  {
    slug: "data-analysis",
    name: "Data Analysis",
    parent: "methods",
    description: "Turning raw tables into claims that survive scrutiny.",
  },
  {
    slug: "case-studies",
    name: names("案例研究", "案例研究", "Case Studies"),
    parent: "research",
    description: "Individual companies examined in depth.",
  },
  { slug: "industry", name: names("行業觀察", "行业观察", "Industry"), description: "Sector-by-sector commentary." },
  {
    slug: "manufacturing",
    name: names("製造業", "制造业", "Manufacturing"),
    parent: "industry",
    description: "Factories, automation and the supply base.",
  },
  {
    slug: "energy",
    name: "能源",
    parent: "industry",
    description: "Power, fuels and the economics of the transition.",
  },
  {
    slug: "logistics",
    name: names("物流", "物流", "Logistics"),
    parent: "industry",
    description: "Warehouses, freight and last-mile delivery.",
  },
  {
    slug: "healthcare",
    name: "Healthcare",
    parent: "industry",
    description: "Hospitals, devices and the buyers behind them.",
  },
  {
    slug: "notes",
    name: names("隨筆", "随笔", "Notes"),
    description: "Shorter pieces, reading notes and conversations.",
  },
  {
    slug: "reading",
    name: names("讀書札記", "读书札记", "Reading"),
    parent: "notes",
    description: "Books and papers worth a second look.",
  },
  { slug: "interviews", name: "訪談", parent: "notes", description: "Conversations with practitioners." },
];

interface Leaf {
  slug: string;
  /** Slugs from the top-level category down to the leaf. */
  path: string[];
  weight: number;
}

function categoryPath(slug: string): string[] {
  const bySlug = new Map(BENCH_CATEGORIES.map((c) => [c.slug, c]));
  const out: string[] = [];
  for (let c = bySlug.get(slug); c; c = c.parent ? bySlug.get(c.parent) : undefined) out.unshift(c.slug);
  return out;
}

/** Leaf weights 1…12, spread so neighbours differ: sizes are deliberately uneven. */
const LEAF_WEIGHTS: Record<string, number> = {
  "industrial-marketing": 12,
  "consumer-insight": 5,
  "brand-strategy": 9,
  "survey-design": 2,
  "data-analysis": 7,
  "case-studies": 11,
  manufacturing: 3,
  energy: 8,
  logistics: 1,
  healthcare: 10,
  reading: 4,
  interviews: 6,
};

export const BENCH_LEAVES: readonly Leaf[] = BENCH_CATEGORIES.filter(
  (c) => !BENCH_CATEGORIES.some((d) => d.parent === c.slug),
).map((c) => ({ slug: c.slug, path: categoryPath(c.slug), weight: LEAF_WEIGHTS[c.slug] ?? 1 }));
const TOTAL_WEIGHT = BENCH_LEAVES.reduce((sum, leaf) => sum + leaf.weight, 0);

function pickLeaf(u: number): Leaf {
  let x = u * TOTAL_WEIGHT;
  for (const leaf of BENCH_LEAVES) {
    if (x < leaf.weight) return leaf;
    x -= leaf.weight;
  }
  return BENCH_LEAVES[BENCH_LEAVES.length - 1]!;
}

// ---------------------------------------------------------------------------------------------------
// Word lists (written for this generator)

const ZH_SUBJECTS = [
  "企業",
  "採購部門",
  "中小製造商",
  "區域經銷商",
  "研究團隊",
  "老客戶",
  "管理層",
  "一線銷售",
  "新進品牌",
  "供應商",
  "財務部門",
  "產品經理",
  "行業協會",
  "連鎖門店",
  "地方政府",
];
const ZH_ADVERBS = ["往往", "逐步", "長期", "明顯", "悄悄", "不得不", "開始", "很少", "反覆", "在不同程度上"];
const ZH_VERBS = [
  "低估了",
  "重新評估",
  "調整了",
  "忽視了",
  "需要釐清",
  "高估了",
  "試圖壓縮",
  "重新定義",
  "開始重視",
  "難以衡量",
  "主動放棄",
  "集中投入",
];
const ZH_OBJECTS = [
  "價格彈性",
  "渠道衝突",
  "採購決策鏈",
  "品牌認知",
  "交付週期",
  "庫存結構",
  "樣本偏差",
  "服務成本",
  "客戶留存",
  "數據口徑",
  "售後網絡",
  "付款條件",
  "產能利用率",
  "市場份額",
  "訂單波動",
  "技術門檻",
];
const ZH_CONNECTORS = [
  "因此",
  "不過",
  "事實上",
  "換句話說",
  "從結果看",
  "在這種情況下",
  "與此同時",
  "更重要的是",
  "回頭來看",
  "嚴格地說",
];
const ZH_TAILS = [
  "這一點在二〇一〇年前後尤為明顯",
  "結果與直覺並不一致",
  "其代價常常要到下一個財年才顯現",
  "而報表上幾乎看不出來",
  "這也是多數訪談對象反覆提到的",
  "差距在沿海與內陸之間更大",
  "很難用單一指標說清楚",
  "短期內未必看得到回報",
  "背後是一整套組織習慣",
  "這與三年前的調查結論相反",
];
const ZH_HEADINGS = [
  "問題從哪裡來",
  "三個常見誤區",
  "數據怎麼說",
  "對策與取捨",
  "小結",
  "案例回顧",
  "方法說明",
  "為甚麼重要",
  "被忽略的成本",
  "下一步",
];
const ZH_TITLE_HEADS = [
  "重新理解",
  "再談",
  "淺析",
  "從數據看",
  "為甚麼",
  "如何衡量",
  "十年後回看",
  "談談",
  "關於",
  "拆解",
];
const ZH_TITLE_TAILS = [
  "的幾個問題",
  "的真實成本",
  "：一份實地調查",
  "背後的邏輯",
  "的常見誤區",
  "與長期增長",
  "的變化",
  "為何失效",
  "的三種做法",
  "之後",
];

const EN_SUBJECTS = [
  "Most distributors",
  "Procurement teams",
  "Small manufacturers",
  "Regional dealers",
  "The research team",
  "Long-standing customers",
  "Senior managers",
  "Field sales staff",
  "Challenger brands",
  "Suppliers",
  "Finance departments",
  "Product managers",
  "Trade associations",
  "Retail chains",
];
const EN_VERBS = [
  "underestimate",
  "quietly revisit",
  "tend to overlook",
  "struggle to measure",
  "keep renegotiating",
  "overstate",
  "rarely question",
  "are starting to track",
  "misread",
  "trade away",
  "invest heavily in",
  "simplify",
];
const EN_OBJECTS = [
  "price elasticity",
  "channel conflict",
  "the buying centre",
  "brand awareness",
  "lead times",
  "inventory mix",
  "sampling bias",
  "the cost to serve",
  "customer retention",
  "reporting definitions",
  "after-sales coverage",
  "payment terms",
  "capacity utilisation",
  "market share",
  "order volatility",
  "switching costs",
];
const EN_OPENERS = [
  "In practice,",
  "However,",
  "Put differently,",
  "Over the last decade,",
  "In our survey,",
  "More importantly,",
  "Looking back,",
  "Strictly speaking,",
  "At first glance,",
  "For that reason,",
];
const EN_TAILS = [
  "which rarely shows up in quarterly reports",
  "and the effect compounds over several years",
  "even when the headline numbers look healthy",
  "a pattern we saw in almost every interview",
  "although the gap is wider in smaller markets",
  "and no single metric captures it",
  "which contradicts the survey from three years earlier",
  "until a competitor makes it impossible to ignore",
  "because the incentives point the other way",
  "with predictable consequences for margins",
];
const EN_HEADINGS = [
  "Where the problem starts",
  "Three common mistakes",
  "What the data says",
  "Trade-offs",
  "Summary",
  "A case in point",
  "Method notes",
  "Why it matters",
  "The hidden cost",
  "What comes next",
];
const EN_TITLE_HEADS = [
  "Rethinking",
  "Notes on",
  "Measuring",
  "The real cost of",
  "Why we misjudge",
  "A decade of",
  "Against",
  "Understanding",
  "Revisiting",
  "Five lessons on",
];
const EN_TITLE_TAILS = [
  "in industrial markets",
  "after the downturn",
  "for mid-sized firms",
  "in practice",
  "",
  "",
  "and what to do about it",
  "under pressure",
  "in the field",
  "revisited",
];

const MIXED_TERMS = [
  "B2B",
  "CRM",
  "KPI",
  "ERP",
  "SaaS",
  "OEM",
  "pricing power",
  "lead time",
  "NPS",
  "ROI",
  "supply chain",
  "go-to-market",
];

const SPECIAL_TITLES_EN = [
  (t: string) => `R&D, ${t}`,
  (t: string) => `"Good enough": ${t}`,
  (t: string) => `${t} when growth < 2%`,
  (t: string) => `Margin > volume? ${t}`,
  (t: string) => `${t} & the <price> question`,
  (t: string) => `The 'quiet' side of ${t}`,
];
const SPECIAL_TITLES_ZH = [
  (t: string) => `研發 & 市場：${t}`,
  (t: string) => `"${t}"`,
  (t: string) => `${t}（增長 < 5% 時）`,
  (t: string) => `利潤 > 規模？${t}`,
  (t: string) => `「${t}」與 <渠道> 之爭`,
];

const AUTHORS = [
  "陳思遠",
  "林曉雯",
  "王建國",
  "張雅婷",
  "李明哲",
  "黃詩涵",
  "周文博",
  "Ada Park",
  "Daniel Moore",
  "Priya Nair",
  "Tom Becker",
  "Laura Chen",
];
const SOURCES = [
  "衡石研究社",
  "工業營銷評論",
  "Field Notes Quarterly",
  "Market Review Weekly",
  "本站原創",
  "行業通訊",
  "Northbridge Working Papers",
  "季度簡報",
];
const LINK_HOSTS = ["https://example.org", "https://example.com", "https://data.example.net"];
const LINK_PATHS = ["reports", "papers", "stats", "notes", "archive", "briefs"];

// ---------------------------------------------------------------------------------------------------
// Tags: a pool of 200, Chinese and English, drawn with a skewed distribution (a few tags on many
// articles, most on few), 0–5 per article, so benchmarks exercise tag pages and related articles.

const ZH_TAG_QUALIFIERS = ["華東", "華南", "出口", "中小企業", "醫療", "能源"];
const EN_TAG_QUALIFIERS = ["B2B", "retail", "export", "SME"];

/** 200 tags, most general first: bare subjects, then Chinese and English qualified ones. */
export const BENCH_TAGS: readonly string[] = [
  ...ZH_OBJECTS,
  ...EN_OBJECTS,
  ...MIXED_TERMS,
  ...ZH_TAG_QUALIFIERS.flatMap((q) => ZH_OBJECTS.map((o) => `${q}${o}`)),
  ...EN_TAG_QUALIFIERS.flatMap((q) => EN_OBJECTS.map((o) => `${q} ${o}`)),
].slice(0, 200);

/** How many tags an article has: 0 for about one in six, up to 5 for a few. */
const TAG_COUNT_WEIGHTS = [16, 20, 24, 20, 12, 8];

function tagsFor(seed: string, i: number): string[] {
  const rng = new Rng(mulberry32(fnv1a(`${seed}:${i}:tags`)));
  let x = rng.next() * TAG_COUNT_WEIGHTS.reduce((a, b) => a + b, 0);
  let count = 0;
  while (x >= TAG_COUNT_WEIGHTS[count]!) x -= TAG_COUNT_WEIGHTS[count++]!;
  const tags: string[] = [];
  // u² puts the pool's first tags on many articles: the first on about 7 % of draws, the last on 0.03 %.
  for (let tries = 0; tags.length < count && tries < 50; tries++) {
    const tag = BENCH_TAGS[Math.floor(rng.next() ** 2 * BENCH_TAGS.length)]!;
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

// ---------------------------------------------------------------------------------------------------
// Text builders

function zhSentence(rng: Rng, lang: Lang, bold: boolean): string {
  const object = lang === "mixed" && rng.chance(0.4) ? rng.pick(MIXED_TERMS) : rng.pick(ZH_OBJECTS);
  const shown = bold ? `**${object}**` : object;
  const lead = rng.chance(0.45) ? `${rng.pick(ZH_CONNECTORS)}，` : "";
  const adverb = rng.chance(0.5) ? rng.pick(ZH_ADVERBS) : "";
  const tail = rng.chance(0.7) ? `，${rng.pick(ZH_TAILS)}` : "";
  return `${lead}${rng.pick(ZH_SUBJECTS)}${adverb}${rng.pick(ZH_VERBS)}${shown}${tail}。`;
}

function enSentence(rng: Rng, bold: boolean): string {
  const object = rng.pick(EN_OBJECTS);
  const shown = bold ? `**${object}**` : object;
  const opener = rng.chance(0.4) ? `${rng.pick(EN_OPENERS)} ` : "";
  let subject = rng.pick(EN_SUBJECTS);
  if (opener) subject = subject[0]!.toLowerCase() + subject.slice(1);
  const tail = rng.chance(0.6) ? `, ${rng.pick(EN_TAILS)}` : "";
  const text = `${opener}${subject} ${rng.pick(EN_VERBS)} ${shown}${tail}.`;
  return text[0]!.toUpperCase() + text.slice(1);
}

function sentence(rng: Rng, lang: Lang, bold = false): string {
  return lang === "en" ? enSentence(rng, bold) : zhSentence(rng, lang, bold);
}

function paragraph(rng: Rng, lang: Lang): string {
  const count = lang === "en" ? rng.int(1, 2) : rng.int(2, 5);
  const parts: string[] = [];
  for (let k = 0; k < count; k++) parts.push(sentence(rng, lang, rng.chance(0.12)));
  if (lang === "en") return parts.join(" ");
  const text = parts.join("");
  // Chinese text is often hard-wrapped by editors; the renderer must not insert a space there.
  if (text.length > 30 && rng.chance(0.3)) {
    const at = rng.int(10, text.length - 10);
    const left = text.slice(0, at);
    const right = text.slice(at);
    // Break only between two CJK characters, so no Markdown syntax is split or starts a line.
    if (/[\u4e00-\u9fff]$/.test(left) && /^[\u4e00-\u9fff]/.test(right)) return `${left}\n${right}`;
  }
  return text;
}

function listBlock(rng: Rng, lang: Lang): string {
  const ordered = rng.chance(0.4);
  const count = rng.int(3, 5);
  const items: string[] = [];
  for (let k = 0; k < count; k++) {
    const item =
      lang === "en"
        ? `${capitalise(rng.pick(EN_OBJECTS))}: ${rng.pick(EN_TAILS)}.`
        : `${lang === "mixed" && rng.chance(0.3) ? rng.pick(MIXED_TERMS) : rng.pick(ZH_OBJECTS)}：${rng.pick(ZH_TAILS)}。`;
    items.push(`${ordered ? `${k + 1}.` : "-"} ${item}`);
  }
  return items.join("\n");
}

function capitalise(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function titleFor(rng: Rng, lang: Lang): string {
  let title: string;
  if (lang === "zh") {
    title = `${rng.pick(ZH_TITLE_HEADS)}${rng.pick(ZH_OBJECTS)}${rng.pick(ZH_TITLE_TAILS)}`;
  } else if (lang === "en") {
    const tail = rng.pick(EN_TITLE_TAILS);
    title = `${rng.pick(EN_TITLE_HEADS)} ${rng.pick(EN_OBJECTS)}${tail ? ` ${tail}` : ""}`;
  } else {
    title = rng.chance(0.5)
      ? `${rng.pick(MIXED_TERMS)} 時代的${rng.pick(ZH_OBJECTS)}${rng.pick(ZH_TITLE_TAILS)}`
      : `${rng.pick(ZH_TITLE_HEADS)} ${rng.pick(MIXED_TERMS)}：${rng.pick(EN_OBJECTS)} 與${rng.pick(ZH_OBJECTS)}`;
  }
  if (rng.chance(0.08)) title = lang === "en" ? rng.pick(SPECIAL_TITLES_EN)(title) : rng.pick(SPECIAL_TITLES_ZH)(title);
  return title;
}

/** Backslash-escapes the ASCII punctuation that could change Markdown inside link text. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\`*_[\]<>&]/g, "\\$&");
}

// ---------------------------------------------------------------------------------------------------
// Dates

const START = Date.UTC(2005, 0, 1, 0, 0, 0) / 1000;
const END = Date.UTC(2025, 11, 31, 23, 59, 59) / 1000;

/** Wall-clock text for `seconds` since the epoch read as UTC (Asia/Shanghai has no DST gaps in range). */
function wallClock(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString(); // 2013-12-27T10:30:07.000Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

// ---------------------------------------------------------------------------------------------------
// Articles

interface ArticleMeta {
  id: string;
  leaf: Leaf;
  title: string;
  date: string;
}

export function articleId(i: number): string {
  return String(i).padStart(6, "0");
}

function articleUrl(meta: ArticleMeta): string {
  return `/${meta.leaf.path.join("/")}/${meta.id}/`;
}

function generateArticle(
  seed: string,
  i: number,
  earlier: readonly ArticleMeta[],
  lastInLeaf: Map<string, ArticleMeta>,
): { meta: ArticleMeta; text: string } {
  const rng = new Rng(mulberry32(fnv1a(`${seed}:${i}`)));
  const leaf = pickLeaf(rng.next());
  const langRoll = rng.next();
  const lang: Lang = langRoll < 0.45 ? "zh" : langRoll < 0.8 ? "en" : "mixed";
  const title = titleFor(rng, lang);

  const previous = lastInLeaf.get(leaf.slug);
  const ownDate = wallClock(START + Math.floor(rng.next() * (END - START + 1)));
  const date = previous && rng.chance(0.01) ? previous.date : ownDate;

  const views = Math.floor(Math.exp(rng.next() * Math.log(60001))) - 1;
  const author = rng.pick(AUTHORS);
  const source = rng.chance(0.5) ? rng.pick(SOURCES) : undefined;
  const summary = rng.chance(0.2)
    ? sentence(rng, lang === "en" ? "en" : "zh") + (lang === "en" ? "" : sentence(rng, "zh"))
    : undefined;

  const meta: ArticleMeta = { id: articleId(i), leaf, title, date };

  // Body: 5–12 paragraphs with headings, at most one list, and links.
  const paragraphs = rng.int(5, 12);
  const blocks: string[] = [];
  const listAfter = rng.chance(0.6) ? rng.int(1, paragraphs - 1) : -1;
  const externalAt = rng.chance(0.45) ? rng.int(0, paragraphs - 1) : -1;
  const internalAt = i > 0 && rng.chance(0.25) ? rng.int(0, paragraphs - 1) : -1;
  const headings = lang === "en" ? EN_HEADINGS : ZH_HEADINGS;
  const headingOrder = rng.sample(headings, headings.length);
  let headingIndex = 0;
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && (rng.chance(0.3) || (p === 2 && headingIndex === 0))) {
      blocks.push(`## ${headingOrder[headingIndex++ % headingOrder.length]}`);
    }
    let text = paragraph(rng, lang);
    if (p === externalAt) {
      const href = `${rng.pick(LINK_HOSTS)}/${rng.pick(LINK_PATHS)}/${rng.int(2005, 2025)}-${rng.int(1, 999)}`;
      text += lang === "en" ? ` See [the full report](${href}) for details.` : `詳見[完整報告](${href})。`;
    }
    if (p === internalAt) {
      const target = earlier[rng.int(0, i - 1)]!;
      const link = `[${escapeLinkText(target.title)}](${articleUrl(target)})`;
      text += lang === "en" ? ` We discussed a related case in ${link}.` : `相關討論見${link}。`;
    }
    blocks.push(text);
    if (p === listAfter) blocks.push(listBlock(rng, lang));
  }

  const lines = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `category: ${leaf.slug}`,
    `date: ${date}`,
    `views: ${views}`,
    `author: ${JSON.stringify(author)}`,
  ];
  if (source !== undefined) lines.push(`source: ${JSON.stringify(source)}`);
  if (summary !== undefined) lines.push(`summary: ${JSON.stringify(summary)}`);
  const tags = tagsFor(seed, i);
  if (tags.length > 0) lines.push(`tags: ${JSON.stringify(tags)}`);
  lines.push("---");
  return { meta, text: `${lines.join("\n")}\n${blocks.join("\n\n")}\n` };
}

/** The whole archive: `_data/site.json`, `_data/categories.json` and `articles/<leaf>/<id>.md` for i < n. */
export function generateArchive(n: number, seed: string): GeneratedArchive {
  if (!Number.isSafeInteger(n) || n < 0 || n > 999_999)
    throw new RangeError(`article count ${n}: expected a whole number from 0 to 999999`);
  const files = new Map<string, string>();
  files.set("_data/site.json", `${JSON.stringify(BENCH_SITE, null, 2)}\n`);
  files.set("_data/categories.json", `[\n${BENCH_CATEGORIES.map((c) => `  ${JSON.stringify(c)}`).join(",\n")}\n]\n`);
  const earlier: ArticleMeta[] = [];
  const lastInLeaf = new Map<string, ArticleMeta>();
  for (let i = 0; i < n; i++) {
    const { meta, text } = generateArticle(seed, i, earlier, lastInLeaf);
    files.set(`articles/${meta.leaf.slug}/${meta.id}.md`, text);
    earlier.push(meta);
    lastInLeaf.set(meta.leaf.slug, meta);
  }
  return { files, articleCount: n };
}
