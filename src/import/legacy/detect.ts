// Which CMS built a mirror, from the fingerprints its stock templates leave in every page and in the
// mirror's folders: the built-in profile to read it with when none is given, and why.

export interface Fingerprint {
  /** How the report names it. */
  name: string;
  /** Found in a page's HTML. */
  page?: RegExp;
  /** Found in a file's path below the mirror ("/templets/default/style/dedecms.css"). */
  file?: RegExp;
}

/** Each built-in profile's fingerprints; each found on a page counts once for that page. */
export const FINGERPRINTS: Record<string, Fingerprint[]> = {
  dedecms: [
    { name: "/templets/", page: /\/templets\//i, file: /^\/templets\//i },
    { name: "/plus/", page: /\/plus\/[\w-]+\.php/i, file: /^\/plus\/[\w-]+\.php/i },
    { name: "dedeajax", page: /dedeajax/i },
    { name: "dede_pages", page: /dede_pages/ },
    {
      name: "count.php?view=yes&aid=",
      page: /count\.php\?view=yes&(?:amp;)?aid=/i,
      file: /\/count\.php[?@]view=yes&aid=/i,
    },
    { name: "DedeCMS", page: /Power(?:ed)? by DedeCms|织梦CMS|織夢CMS/i },
  ],
  phpcms: [
    { name: "index.php?m=content", page: /index\.php\?m=content/i },
    { name: "api.php?op=count", page: /api\.php\?op=count/i, file: /^\/api\.php[?@]op=count/i },
    { name: "statics/", page: /\/statics\/(?:js|css|images)\//i, file: /^\/statics\/(?:js|css|images)\//i },
    { name: "PHPCMS", page: /Powered by PHPCMS|phpcms\.cn/i },
  ],
  empirecms: [
    {
      name: "/e/",
      page: /\/e\/(?:public|search|member|enews|DoInfo|pl|space|tags)\//i,
      file: /^\/e\/(?:public|search|member|enews|DoInfo|pl|space|tags)\//i,
    },
    { name: "/skin/", page: /\/skin\/[\w-]+\/(?:css|images|js)\//i },
    { name: "ViewClick", page: /ViewClick/i, file: /\/ViewClick\//i },
    { name: "EmpireCMS", page: /Powered by EmpireCMS|帝国CMS|帝國CMS|phome\.net/i },
  ],
};

export interface Detection {
  /** The built-in profile's name ("generic" when no CMS left enough fingerprints). */
  profile: string;
  /** Why, in words for the report: "dede_pages on 3 of 20 sampled pages, /templets/ on 20 …". */
  reason: string;
}

/** Pages read to detect the CMS: enough to see a template's habits, few enough to cost nothing. */
export const SAMPLE = 24;

/** `count` items spread over `items` (the first, the last and evenly between): a mirror's sorted list starts with its odd corners. */
export function sample<T>(items: readonly T[], count = SAMPLE): T[] {
  if (items.length <= count) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

/**
 * The CMS whose fingerprints the most sampled pages carry, with the evidence; "generic" when none
 * is found on at least two pages (or on the only page), or when two CMSs tie.
 */
export function detectCms(pages: readonly { url: string; html: string }[], files: readonly string[]): Detection {
  const results = Object.entries(FINGERPRINTS).map(([profile, prints]) => {
    const perPrint = prints.map((p) => ({
      name: p.name,
      pages: p.page ? pages.filter((page) => p.page!.test(page.html)).length : 0,
      files: p.file ? files.some((f) => p.file!.test(f)) : false,
    }));
    const pagesHit = pages.filter((page) => prints.some((p) => p.page?.test(page.html))).length;
    const score = perPrint.reduce((n, p) => n + p.pages + (p.files ? 1 : 0), 0);
    return { profile, perPrint, pagesHit, score };
  });
  results.sort((a, b) => b.score - a.score);
  const [best, second] = results;
  const enough = Math.min(2, pages.length);
  if (!best || best.pagesHit < enough || best.pagesHit === 0 || (second && second.score === best.score)) {
    const seen = results.filter((r) => r.score > 0).map((r) => `${r.profile} ${r.score}`);
    return {
      profile: "generic",
      reason: `no CMS's fingerprints on enough of ${pages.length} sampled page(s)${seen.length ? ` (scores: ${seen.join(", ")})` : ""}`,
    };
  }
  // The three strongest signs: enough to check, short enough to read.
  const evidence = best.perPrint
    .filter((p) => p.pages > 0 || p.files)
    .sort((a, b) => b.pages - a.pages)
    .slice(0, 3)
    .map((p) =>
      p.pages > 0 ? `${p.name} on ${p.pages} of ${pages.length} sampled pages` : `${p.name} in the mirror's files`,
    );
  return { profile: best.profile, reason: `detected from ${evidence.join(", ")}` };
}
