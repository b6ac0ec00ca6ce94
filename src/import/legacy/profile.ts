// Where a legacy CMS template keeps each field of an article page. A profile is a small JSON (or YAML)
// file of CSS selectors and label words; the built-in ones cover common Chinese CMS templates, and
// the generic one finds fields by their labels alone. Every list is tried in order; the first match wins.
import { readFile } from "node:fs/promises";
import { parseDocument } from "yaml";
import { closest } from "../../content/closest.ts";

export interface Profile {
  name: string;
  /** The element holding the breadcrumb trail ("當前位置：首頁 > 學術研究 > 工業營銷"). */
  breadcrumb: string[];
  /** The article's heading (never the page's <title>, which hacked sites fill with spam). */
  title: string[];
  /** Elements whose text holds the date, views, source and author labels. */
  meta: string[];
  /** The article body. */
  body: string[];
  /** Removed from the body before conversion: share widgets, counters, ads, prev/next blocks. */
  remove: string[];
  /** The pager of a multi-page article (links to 125_2.html, 125_3.html…). */
  pager: string[];
  /** A summary the template prints apart from the body (DedeCMS 5.7's <div class="intro">): the article's `summary`. */
  summary: string[];
  labels: Labels;
}

export interface Labels {
  breadcrumb: string[];
  date: string[];
  views: string[];
  source: string[];
  author: string[];
  previous: string[];
  next: string[];
  /** First breadcrumb entries that mean the home page, dropped from the category chain. */
  home: string[];
}

/** Label words in Traditional and Simplified Chinese and English, as legacy templates print them. */
export const LABELS: Labels = {
  breadcrumb: [
    "當前位置",
    "当前位置",
    "您的位置",
    "你的位置",
    "現在的位置",
    "现在的位置",
    "所在位置",
    "位置",
    "You are here",
  ],
  date: [
    "發布時間",
    "发布时间",
    "發表時間",
    "发表时间",
    "發佈時間",
    "發布日期",
    "发布日期",
    "更新時間",
    "更新时间",
    "日期",
    "時間",
    "时间",
    "Date",
    "Published",
  ],
  views: [
    "點擊次數",
    "点击次数",
    "瀏覽次數",
    "浏览次数",
    "閱讀次數",
    "阅读次数",
    "點擊數",
    "点击数",
    "點擊",
    "点击",
    "瀏覽",
    "浏览",
    "閱讀",
    "阅读",
    "人氣",
    "人气",
    "Views",
    "Hits",
  ],
  source: ["文章來源", "文章来源", "來源", "来源", "出處", "出处", "Source"],
  author: ["作者", "撰文", "責任編輯", "责任编辑", "編輯", "编辑", "Author", "By"],
  previous: ["上一篇", "上一條", "上一条", "上篇", "Previous"],
  next: ["下一篇", "下一條", "下一条", "下篇", "Next"],
  home: ["首頁", "首页", "主頁", "主页", "網站首頁", "网站首页", "Home"],
};

const COMMON_REMOVE = [
  "script",
  "style",
  "noscript",
  // iframe, object and embed are not here: the body's own cleaning drops hidden and spam ones, and the
  // conversion turns the others into links, with a note (to-markdown.ts).
  "form",
  "[class*=share]",
  "[id*=share]",
  ".bdsharebuttonbox",
  "#bdshare",
  ".jiathis_style",
  ".bshare-custom",
];

export const GENERIC: Profile = {
  name: "generic",
  breadcrumb: [
    ".position",
    ".place",
    ".location",
    ".crumbs",
    ".crumb",
    ".breadcrumb",
    ".weizhi",
    "#position",
    "#location",
  ],
  title: ["h1", ".title h2", ".article-title", ".arc-title", ".news-title", "h2"],
  meta: [".info", ".article-info", ".meta", ".arc-info", ".news-info", ".author", ".time", "#info"],
  body: [
    "#content",
    ".content",
    "#text",
    ".text",
    ".article-content",
    ".arc-content",
    ".news-content",
    ".newstext",
    "#article",
    "article",
    ".article",
  ],
  remove: COMMON_REMOVE,
  pager: [".dede_pages", "#pages", ".pagelist", ".pages", ".pagination"],
  // No guess: a class named "intro" or "summary" on an unknown template may be anything.
  summary: [],
  labels: LABELS,
};

/** DedeCMS (織夢) default and common article templates. */
const DEDECMS: Profile = {
  ...GENERIC,
  name: "dedecms",
  breadcrumb: [".position", ".place", ".mbx", ...GENERIC.breadcrumb],
  // The stock head.htm has its own <div class="title"> (the site's name or slogan): the article's is the viewbox's.
  title: [".viewbox .title h2", ".viewbox h2", "h1", ".arc-title", ".title h2"],
  meta: [".info", ".viewbox .info", ...GENERIC.meta],
  body: [".content", ".viewbox .content", "#content", ...GENERIC.body],
  remove: [...COMMON_REMOVE, ".boxoff", ".dede_pages", ".handle", ".context", ".newdigg", "#contentMidPicAD"],
  pager: [".dede_pages", ".pagelist"],
  summary: [".viewbox .intro"],
};

/** PHPCMS v9 article templates. */
const PHPCMS: Profile = {
  ...GENERIC,
  name: "phpcms",
  breadcrumb: [".crumbs", ...GENERIC.breadcrumb],
  title: ["#Article h1", "h1"],
  meta: ["#Article h1 span", ".info", ...GENERIC.meta],
  body: ["#Article .content", ".content", ...GENERIC.body],
  remove: [...COMMON_REMOVE, "#pages", ".text-c"],
  pager: ["#pages"],
};

/** EmpireCMS (帝國) article templates: the stock news_show has `.title_info h1`, `.info_text` and `#text`. */
const EMPIRECMS: Profile = {
  ...GENERIC,
  name: "empirecms",
  breadcrumb: [".position", ".location", ...GENERIC.breadcrumb],
  // Not ".title": the stock sidebar's boxes are <table class="title"> (推荐资讯, 热门点击).
  title: [".title_info h1", "h1", ".news_title"],
  meta: [".info_text", ".info", ".newsinfo", ...GENERIC.meta],
  body: ["#text", ".newstext", ".text", ...GENERIC.body],
  remove: [...COMMON_REMOVE, ".pagelist", ".pageLink"],
  pager: [".pageLink", ".epages", ".pagelist"],
};

export const BUILT_IN: Record<string, Profile> = {
  generic: GENERIC,
  dedecms: DEDECMS,
  phpcms: PHPCMS,
  empirecms: EMPIRECMS,
};

const LIST_KEYS = ["breadcrumb", "title", "meta", "body", "remove", "pager", "summary"] as const;

/**
 * A profile file: `extends` (a built-in name, default "generic") plus any of the selector lists and
 * `labels`, each replacing the inherited list. Problems name the file, the line and the field.
 */
export async function loadProfile(file: string): Promise<Profile> {
  const text = await readFile(file, "utf8");
  const doc = parseDocument(text);
  const at = (key: string[]) => {
    const node = doc.getIn(key, true) as { range?: [number, number] } | undefined;
    const offset = node?.range?.[0] ?? 0;
    return `${file}:${text.slice(0, offset).split("\n").length}`;
  };
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const base = raw.extends === undefined ? GENERIC : BUILT_IN[String(raw.extends)];
  if (!base)
    problems.push(
      `${at(["extends"])}  extends  "${String(raw.extends)}" — expected one of ${Object.keys(BUILT_IN).join(", ")}`,
    );
  const profile: Profile = {
    ...(base ?? GENERIC),
    name: typeof raw.name === "string" ? raw.name : file,
    labels: { ...(base ?? GENERIC).labels },
  };
  const list = (value: unknown, key: string[]): string[] | null => {
    if (Array.isArray(value) && value.every((v) => typeof v === "string" && v.trim() !== "")) return value as string[];
    problems.push(`${at(key)}  ${key.join(".")}  ${JSON.stringify(value)} — expected a list of non-empty strings`);
    return null;
  };
  for (const [key, value] of Object.entries(raw)) {
    if (key === "extends" || key === "name") continue;
    if ((LIST_KEYS as readonly string[]).includes(key)) {
      const l = list(value, [key]);
      if (l) profile[key as (typeof LIST_KEYS)[number]] = l;
    } else if (key === "labels" && value && typeof value === "object" && !Array.isArray(value)) {
      for (const [label, words] of Object.entries(value)) {
        if (!(label in LABELS))
          problems.push(
            `${at(["labels", label])}  labels.${label}  unknown label — ${didYouMean(label, Object.keys(LABELS))}`,
          );
        else {
          const l = list(words, ["labels", label]);
          if (l) profile.labels[label as keyof Labels] = l;
        }
      }
    } else
      problems.push(
        `${at([key])}  ${key}  unknown key — ${didYouMean(key, ["extends", "name", ...LIST_KEYS, "labels"])}`,
      );
  }
  if (problems.length > 0)
    throw new Error(`profile ${file} has ${problems.length} problem(s):\n${problems.join("\n")}`);
  return profile;
}

/** "did you mean …" for a near miss, else the whole list: unknown keys are errors at every depth. */
function didYouMean(key: string, known: string[]): string {
  const guess = closest(key, known, Math.max(1, Math.floor(key.length / 2)));
  return guess ? `did you mean "${guess}"?` : `expected one of ${known.join(", ")}`;
}
