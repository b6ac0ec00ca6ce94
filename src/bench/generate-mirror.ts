// A deterministic synthetic mirror of a legacy CMS site, for the import's scale test and timing: the
// benchmark archive's articles (src/bench/generate.ts) rendered as old article pages in three template
// styles and three encodings (DedeCMS-like in UTF-8, PHPCMS-like in GBK and Simplified, EmpireCMS-like
// in Big5), with list pages per category, some hacked articles and some spam pages. Pure: no I/O.
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import { parse } from "yaml";
import { BENCH_CATEGORIES, generateArchive } from "./generate.ts";
import { createMarkdown } from "../render/markdown.ts";

export interface GeneratedMirror {
  /** Site path below the mirror ("xsyj/2013/1227/1234.html") → bytes. */
  files: Map<string, Buffer>;
  /** What the pages are, for checking an import: every article page must become an article. */
  articles: string[];
  hacked: string[];
  lists: string[];
  spam: string[];
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const zhName = (slug: string) => {
  const c = BENCH_CATEGORIES.find((x) => x.slug === slug)!;
  return typeof c.name === "string" ? c.name : c.name["zh-Hant"];
};
const pathOf = (slug: string): string[] => {
  const c = BENCH_CATEGORIES.find((x) => x.slug === slug)!;
  return c.parent ? [...pathOf(c.parent), slug] : [slug];
};

export function generateMirror(n: number, seed: string): GeneratedMirror {
  const archive = generateArchive(n, seed);
  const md = createMarkdown({ pathPrefix: "/" });
  const simplified = OpenCC.Converter({ from: "tw", to: "cn" });
  const out: GeneratedMirror = { files: new Map(), articles: [], hacked: [], lists: [], spam: [] };
  const byLeaf = new Map<string, { url: string; title: string; date: string }[]>();

  let i = 0;
  for (const [file, text] of archive.files) {
    if (!file.startsWith("articles/")) continue;
    const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
    const data = parse(frontMatter!) as {
      title: string;
      category: string;
      date: string;
      views: number;
      author: string;
      source?: string;
    };
    const trail = pathOf(data.category);
    const [day, time] = data.date.split(" ");
    const [yyyy, mm, dd] = day!.split("-");
    const id = 1000 + i;
    const url = `${trail.join("/")}/${yyyy}/${mm}${dd}/${id}.html`;
    const style = i % 3;
    const hacked = i % 29 === 7;
    const crumbs = trail
      .map((slug, k) => `<a href="/${trail.slice(0, k + 1).join("/")}/">${escape(zhName(slug))}</a>`)
      .join(" &gt; ");
    const bodyHtml = md.render(body!);
    const meta = [
      style === 1
        ? `发布时间：${data.date}`
        : style === 2
          ? `日期：${day} ${time!.slice(0, 5)}`
          : `發布時間：${data.date}`,
      data.source ? `${style === 1 ? "来源" : "來源"}：${escape(data.source)}` : "",
      `${style === 1 ? "作者" : "作者"}：${escape(data.author)}`,
      style === 1 ? `浏览次数：${data.views}` : style === 2 ? `閱讀：${data.views}` : `點擊次數：${data.views}`,
    ]
      .filter(Boolean)
      .join(" &nbsp; ");
    const title = hacked
      ? "澳门葡京 百家乐 真人视讯 最新网址"
      : `${escape(data.title)}_${escape(zhName(data.category))}`;
    const hidden = hacked
      ? '<div style="display:none"><a href="http://casino.example.net/">百家乐</a> <a href="http://casino.example.net/x">澳门葡京</a></div>'
      : "";
    let html: string;
    if (style === 0) {
      html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${hidden}
<div class="position">當前位置：<a href="/">首頁</a> &gt; ${crumbs} &gt;</div>
<div class="viewbox"><div class="title"><h2>${escape(data.title)}</h2></div><div class="info">${meta}</div>
<div class="content">${bodyHtml}<div class="bdsharebuttonbox"><a href="#">分享</a></div></div></div></body></html>`;
    } else if (style === 1) {
      html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>${title}</title></head><body>${hidden}
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; ${crumbs} &gt; 正文</div>
<div id="Article"><h1>${escape(data.title)}<br><span>${meta}</span></h1><div class="content">${bodyHtml}</div></div></body></html>`;
      html = simplified(html);
    } else {
      html = `<!DOCTYPE html><html><head><meta charset="big5"><title>${title}</title></head><body>${hidden}
<div class="location">您的位置：<a href="/">首頁</a> &gt; ${crumbs}</div>
<h1>${escape(data.title)}</h1><div class="newsinfo">${meta}</div><div id="text">${bodyHtml}</div></body></html>`;
    }
    out.files.set(url, style === 0 ? Buffer.from(html, "utf8") : iconv.encode(html, style === 1 ? "gbk" : "big5"));
    (hacked ? out.hacked : out.articles).push(url);
    const list = byLeaf.get(data.category) ?? [];
    list.push({ url, title: data.title, date: day! });
    byLeaf.set(data.category, list);
    i++;
  }

  // A list page per category, as the old site had them.
  for (const [leaf, items] of byLeaf) {
    const url = `${pathOf(leaf).join("/")}/index.html`;
    const links = items
      .slice(0, 40)
      .map((a) => `<li><a href="/${a.url}">${escape(a.title)}</a><span>${a.date}</span></li>`)
      .join("");
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(zhName(leaf))}</title></head><body><div class="position">當前位置：<a href="/">首頁</a> &gt; ${escape(zhName(leaf))}</div><h1>${escape(zhName(leaf))}</h1><div class="content"><ul>${links}</ul></div></body></html>`;
    out.files.set(url, Buffer.from(html, "utf8"));
    out.lists.push(url);
  }

  // Spam pages injected by whoever hacked the site: about one per hundred articles.
  for (let k = 0; k < Math.max(1, Math.floor(n / 100)); k++) {
    const url = `plus/view-${9000 + k}.html`;
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>百家乐</title></head><body><h1>百家乐 真人视讯 注册送彩金 ${k}</h1><div class="info">发布时间：2020-01-01</div><div class="content"><p>澳门葡京 时时彩 六合彩 真人视讯 点击进入</p></div></body></html>`;
    out.files.set(url, Buffer.from(html, "utf8"));
    out.spam.push(url);
  }
  return out;
}
