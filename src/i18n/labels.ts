// UI words per locale. Templates never hard-code a label; they read `t.<key>`.
// `{n}` and `{name}` are placeholders filled by the `fill` filter. A site may override any label in
// its config (`labels`).

export const LOCALES = ["zh-Hant", "zh-Hans", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export interface Labels {
  youAreHere: string;
  home: string;
  breadcrumbNav: string;
  mainNav: string;
  skipToContent: string;
  published: string;
  updated: string;
  views: string;
  /** The article's reading length: {n} characters or words, about {m} minutes. */
  readingLength: string;
  author: string;
  source: string;
  previousArticle: string;
  nextArticle: string;
  noArticle: string;
  backToList: string;
  articleNav: string;
  pagerNav: string;
  firstPage: string;
  lastPage: string;
  previousPage: string;
  nextPage: string;
  pageN: string;
  pageOfTotal: string;
  latest: string;
  mostViewed: string;
  /** Heading of the most viewed articles of a category (and its descendants) on its list pages. */
  categoryMostViewed: string;
  /** Marks an article shown pinned at the top of a list. */
  pinned: string;
  moreIn: string;
  subcategories: string;
  articleCount: string;
  emptyList: string;
  icpLicence: string;
  /** Title of the footer's public-security filing link. */
  gonganFiling: string;
  notFound: string;
  notFoundText: string;
  allCategories: string;
  feedAtom: string;
  feedJson: string;
  archive: string;
  monthTitle: string;
  search: string;
  searchLabel: string;
  searchTitle: string;
  searchHint: string;
  searchNeedsScript: string;
  searchLoading: string;
  searchResults: string;
  searchNoResults: string;
  searchFailed: string;
  searchMore: string;
  notFoundSearch: string;
  /** Heading of an article's tag list, and the title of the tag index (/tags/). */
  tags: string;
  /** Heading of an article's table of contents (its h2s and h3s, linked). */
  tableOfContents: string;
  /** Title of one tag's page: {name} is the tag. */
  tagTitle: string;
  /** Heading of the related articles under an article (by shared tags and category). */
  relatedArticles: string;
  /** Heading of the past comments under an article (read-only: the archive has no comment form). */
  pastComments: string;
  /** How many past comments; commentCountOne when there is one. */
  commentCount: string;
  commentCountOne: string;
  /** Before the name of the comment a past comment answers. */
  replyTo: string;
  /** The notice after an article: before its absolute link, and before the license's name. */
  permalink: string;
  license: string;
  /** The site's claim when site config sets `copyright: true` (or gives no text). */
  copyrightNotice: string;
}

const zhHant: Labels = {
  youAreHere: "您的位置：",
  home: "首頁",
  breadcrumbNav: "麵包屑導覽",
  mainNav: "主選單",
  skipToContent: "跳至正文",
  published: "發布時間：",
  updated: "更新：",
  views: "瀏覽次數：",
  readingLength: "全文約 {n} 字 · 約 {m} 分鐘",
  author: "作者：",
  source: "來源：",
  previousArticle: "上一篇：",
  nextArticle: "下一篇：",
  noArticle: "沒有了",
  backToList: "返回列表",
  articleNav: "上下篇導覽",
  pagerNav: "分頁",
  firstPage: "第一頁",
  lastPage: "最後一頁",
  previousPage: "上一頁",
  nextPage: "下一頁",
  pageN: "第 {n} 頁",
  pageOfTotal: "第 {n} 頁，共 {total} 頁",
  latest: "最新文章",
  mostViewed: "熱門文章",
  categoryMostViewed: "本類熱門",
  pinned: "置頂",
  moreIn: "更多「{name}」文章",
  subcategories: "子欄目",
  articleCount: "{n} 篇",
  emptyList: "這個欄目還沒有文章。",
  icpLicence: "ICP 備案號",
  gonganFiling: "公安機關備案號",
  notFound: "找不到這個頁面",
  notFoundText: "這個網址沒有頁面。文章可能已經搬到別處：請從首頁或下面的欄目找起。",
  allCategories: "全部欄目",
  feedAtom: "Atom 訂閱",
  feedJson: "JSON 訂閱",
  archive: "文章歸檔",
  monthTitle: "{yyyy} 年 {M} 月",
  search: "搜尋",
  searchLabel: "搜尋文章",
  searchTitle: "搜尋",
  searchHint: "輸入關鍵詞；繁體、簡體都能找到。",
  searchNeedsScript: "搜尋需要 JavaScript。也可以從下面的欄目或文章歸檔找起。",
  searchLoading: "搜尋中…",
  searchResults: "「{q}」找到 {n} 篇文章",
  searchNoResults: "找不到與「{q}」相符的文章。",
  searchFailed: "搜尋暫時無法使用。",
  searchMore: "顯示更多結果",
  notFoundSearch: "或者搜尋一下：",
  tags: "標籤",
  tagTitle: "標籤：{name}",
  relatedArticles: "相關文章",
  pastComments: "往日評論",
  tableOfContents: "目錄",
  commentCount: "{n} 則評論",
  commentCountOne: "1 則評論",
  replyTo: "回覆：",
  permalink: "本文鏈接：",
  license: "授權條款：",
  copyrightNotice: "本文為本站原創，轉載請註明出處並附上本文鏈接。",
};

const zhHans: Labels = {
  youAreHere: "您的位置：",
  home: "首页",
  breadcrumbNav: "面包屑导航",
  mainNav: "主菜单",
  skipToContent: "跳至正文",
  published: "发布时间：",
  updated: "更新：",
  views: "浏览次数：",
  readingLength: "全文约 {n} 字 · 约 {m} 分钟",
  author: "作者：",
  source: "来源：",
  previousArticle: "上一篇：",
  nextArticle: "下一篇：",
  noArticle: "没有了",
  backToList: "返回列表",
  articleNav: "上下篇导航",
  pagerNav: "分页",
  firstPage: "第一页",
  lastPage: "最后一页",
  previousPage: "上一页",
  nextPage: "下一页",
  pageN: "第 {n} 页",
  pageOfTotal: "第 {n} 页，共 {total} 页",
  latest: "最新文章",
  mostViewed: "热门文章",
  categoryMostViewed: "本类热门",
  pinned: "置顶",
  moreIn: "更多“{name}”文章",
  subcategories: "子栏目",
  articleCount: "{n} 篇",
  emptyList: "这个栏目还没有文章。",
  icpLicence: "ICP 备案号",
  gonganFiling: "公安机关备案号",
  notFound: "找不到这个页面",
  notFoundText: "这个网址没有页面。文章可能已经搬到别处：请从首页或下面的栏目找起。",
  allCategories: "全部栏目",
  feedAtom: "Atom 订阅",
  feedJson: "JSON 订阅",
  archive: "文章归档",
  monthTitle: "{yyyy} 年 {M} 月",
  search: "搜索",
  searchLabel: "搜索文章",
  searchTitle: "搜索",
  searchHint: "输入关键词；简体、繁体都能找到。",
  searchNeedsScript: "搜索需要 JavaScript。也可以从下面的栏目或文章归档找起。",
  searchLoading: "搜索中…",
  searchResults: "“{q}”找到 {n} 篇文章",
  searchNoResults: "找不到与“{q}”相符的文章。",
  searchFailed: "搜索暂时无法使用。",
  searchMore: "显示更多结果",
  notFoundSearch: "或者搜索一下：",
  tags: "标签",
  tagTitle: "标签：{name}",
  relatedArticles: "相关文章",
  pastComments: "往日评论",
  tableOfContents: "目录",
  commentCount: "{n} 条评论",
  commentCountOne: "1 条评论",
  replyTo: "回复：",
  permalink: "本文链接：",
  license: "许可协议：",
  copyrightNotice: "本文为本站原创，转载请注明出处并附上本文链接。",
};

const en: Labels = {
  youAreHere: "You are here: ",
  home: "Home",
  breadcrumbNav: "Breadcrumb",
  mainNav: "Main",
  skipToContent: "Skip to content",
  published: "Published: ",
  updated: "Updated: ",
  views: "Views: ",
  readingLength: "{n} words · about {m} min",
  author: "By ",
  source: "Source: ",
  previousArticle: "Previous: ",
  nextArticle: "Next: ",
  noArticle: "None",
  backToList: "Back to list",
  articleNav: "More in this section",
  pagerNav: "Pages",
  firstPage: "First",
  lastPage: "Last",
  previousPage: "Previous page",
  nextPage: "Next page",
  pageN: "Page {n}",
  pageOfTotal: "Page {n} of {total}",
  latest: "Latest articles",
  mostViewed: "Most read",
  categoryMostViewed: "Most viewed in this category",
  pinned: "Pinned",
  moreIn: "More in {name}",
  subcategories: "Sections",
  articleCount: "{n} articles",
  emptyList: "No articles in this section yet.",
  icpLicence: "ICP licence",
  gonganFiling: "Public security filing number",
  notFound: "Page not found",
  notFoundText:
    "There is no page at this address. The article may have moved: start from the home page or a section below.",
  allCategories: "All sections",
  feedAtom: "Atom feed",
  feedJson: "JSON feed",
  archive: "Archive",
  monthTitle: "{MMMM} {yyyy}",
  search: "Search",
  searchLabel: "Search articles",
  searchTitle: "Search",
  searchHint: "Type a word or two; Chinese matches in Traditional and Simplified alike.",
  searchNeedsScript: "Search needs JavaScript. You can also browse the sections or the archive below.",
  searchLoading: "Searching…",
  searchResults: "{n} articles found for “{q}”",
  searchNoResults: "No articles match “{q}”.",
  searchFailed: "Search is not available right now.",
  searchMore: "Show more results",
  notFoundSearch: "Or search for it:",
  tags: "Tags",
  tagTitle: "Tag: {name}",
  relatedArticles: "Related articles",
  pastComments: "Past comments",
  tableOfContents: "Contents",
  commentCount: "{n} comments",
  commentCountOne: "1 comment",
  replyTo: "In reply to ",
  permalink: "Permalink: ",
  license: "License: ",
  copyrightNotice: "First published on this site. If you republish it, please name the source and link to this page.",
};

export const LABELS: Readonly<Record<Locale, Labels>> = { "zh-Hant": zhHant, "zh-Hans": zhHans, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders: fill("第 {n} 頁", { n: 3 }) → "第 3 頁". Unknown names stay as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
