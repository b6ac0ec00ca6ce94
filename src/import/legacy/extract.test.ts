import { describe, expect, it } from "vitest";
import { chooseTitle, extractPage, findDate, findNumber, findText, probePage, resolve } from "./extract.ts";
import { BUILT_IN, GENERIC, LABELS } from "./profile.ts";

const article = (head: string, body: string) =>
  `<html><head><title>${head}</title></head><body><div class="position">當前位置：<a href="/">首頁</a> &gt; <a href="/news/">新聞</a> &gt;</div>${body}</body></html>`;

describe("findDate", () => {
  it("reads the labelled date and time, padding single digits", () => {
    expect(findDate("來源：本社 發布時間：2013-12-7 9:05:07 點擊：3", LABELS)).toBe("2013-12-07 09:05:07");
  });
  it("reads Chinese date forms and dates without seconds or time", () => {
    expect(findDate("日期：2013年12月27日 10:30", LABELS)).toBe("2013-12-27 10:30:00");
    expect(findDate("发布时间: 2014/01/05", LABELS)).toBe("2014-01-05");
  });
  it("prefers the labelled date over an earlier unlabelled one", () => {
    expect(findDate("2001-01-01 … 发布时间：2013-12-27", LABELS)).toBe("2013-12-27");
  });
  it("gives null when there is no date", () => {
    expect(findDate("作者：王明", LABELS)).toBeNull();
  });
});

describe("findNumber", () => {
  it("reads the longest label first and allows thousands separators", () => {
    expect(findNumber("點擊次數：8,290 次", LABELS.views)).toBe(8290);
    expect(findNumber("阅读 56", LABELS.views)).toBe(56);
    expect(findNumber("无", LABELS.views)).toBeNull();
  });
});

describe("findText", () => {
  it("ends a Chinese value at a space and the next label", () => {
    expect(findText("作者：周文博 來源：衡石研究 點擊：3", LABELS.author, LABELS)).toBe("周文博");
    expect(findText("來源：衡石研究|點擊：3", LABELS.source, LABELS)).toBe("衡石研究");
  });
  it("keeps a Latin name with its spaces", () => {
    expect(findText("Author: John Smith  Date: 2013-01-01", LABELS.author, LABELS)).toBe("John Smith");
  });
  it("gives an empty string when the label is absent", () => {
    expect(findText("發布時間：2013-12-27", LABELS.author, LABELS)).toBe("");
  });
});

describe("resolve", () => {
  it("turns relative links into site paths and leaves other sites and scripts out", () => {
    expect(resolve("/a/2013/1227/1.html", "../1228/2.html")).toBe("/a/2013/1228/2.html");
    expect(resolve("/a/1.html", "/%E6%96%87/x.html")).toBe("/文/x.html");
    expect(resolve("/a/1.html", "https://other.example/")).toBeNull();
    expect(resolve("/a/1.html", "javascript:void(0)")).toBeNull();
  });
});

describe("extractPage", () => {
  const page = (body: string) =>
    article("t", `<h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content">${body}</div>`);

  it("removes blocks the page's own stylesheet hides, as link injectors do", () => {
    const html = `<html><head><title>t</title><style>/* x */ .a1b2, #z9 { display: none } .shown { color: red }</style></head><body><h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>正文的第一段，講工業品的客戶管理與分級。</p><div class="a1b2"><a href="http://x.example/">百家乐</a></div><p class="shown">留下的段落。</p></div></body></html>`;
    const r = extractPage(html, "/t.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).not.toContain("百家乐");
      expect(r.bodyHtml).toContain("留下的段落");
      expect(r.signs).toEqual(["hidden block with 1 link(s) (百家乐)"]);
    }
  });

  it("removes the old previous/next lines but keeps prose that mentions 下篇", () => {
    const r = extractPage(
      page(
        '<p>本文分上下篇，下篇見<a href="/b.html">這裡</a>，內容較長。</p><p>上一篇：<a href="/a.html">舊文</a></p>',
      ),
      "/t.html",
      GENERIC,
    );
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).toContain("本文分上下篇");
      expect(r.bodyHtml).not.toContain("舊文");
    }
  });

  it("removes spam hidden by the hidden attribute, transparency or in image descriptions, and reports it", () => {
    const r = extractPage(
      page(
        '<p>正文的第一段，講工業品的客戶管理與分級。</p><div hidden><a href="http://x.example/">百家乐</a></div><p style="opacity:0">澳门葡京</p><img src="/a.png" alt="百家乐 bet365">',
      ),
      "/t.html",
      GENERIC,
    );
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).not.toMatch(/百家乐|澳门葡京|bet365/);
      expect(r.signs).toEqual([
        "hidden block with 1 link(s) (百家乐)",
        "hidden block with 0 link(s) (澳门葡京)",
        "spam in an image description (百家乐, bet365)",
      ]);
    }
  });

  it("does not call a site-name suffix on the <title> spam", () => {
    const r = extractPage(
      article(
        "重點客戶_新聞_衡石研究社",
        '<h1>重點客戶</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>這是一篇足夠長的文章正文，用來測試標題後綴的情形。</p></div>',
      ),
      "/news/1.html",
      GENERIC,
    );
    expect(r.kind).toBe("article");
    if (r.kind === "article") expect(r.signs).toEqual([]);
  });

  it("skips a page without a heading, naming what is missing", () => {
    const r = extractPage(
      article("x", '<div class="content"><p>只有正文，沒有標題，也沒有日期的一個頁面。</p></div>'),
      "/x.html",
      GENERIC,
    );
    expect(r).toMatchObject({
      kind: "skipped",
      url: "/x.html",
      reason: "no article heading (h1 or the profile's title selectors)",
    });
  });

  it("finds the body by text density when no selector matches", () => {
    const html = article(
      "t",
      '<h1>標題</h1><p class="meta">日期：2013-01-02</p><div class="main"><div class="nav"><a href="/">首頁</a></div><div class="prose"><p>第一段正文，說明研究的背景與方法。</p><p>第二段正文，列出主要的發現與建議。</p></div></div>',
    );
    const r = extractPage(html, "/t.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.bodyHtml).toContain("第一段正文");
      expect(r.bodyHtml).not.toContain("首頁");
      expect(r.trail).toEqual([{ name: "新聞", href: "/news/" }]);
    }
  });
});

describe("the title, from evidence", () => {
  /** The stock DedeCMS 5.7 layout: head.htm's <div class="title"><h2> (the slogan) comes first. */
  const dede = (title: string, extra = "") => `<html><head><title>${title}</title></head><body>
<div class="header"><div class="top"><div class="title"><h2>织梦CMS - 轻松建站从此开始！</h2></div></div></div>
<div class="pleft"><div class="place"><strong>当前位置:</strong> <a href="/">主页</a> &gt; <a href="/a/xsyj/">学术研究</a> &gt;</div>
<div class="viewbox"><div class="title"><h2>渠道冲突的三个根源</h2></div>
<div class="info"><small>时间:</small>2013-12-20 16:45<small>来源:</small>衡石研究 <small>作者:</small>李文</div>
<div class="content"><p>渠道冲突表面上是价格之争，根子里往往是规则不清。</p></div></div></div>
<div class="pright"><dl class="tbox"><dt><strong>热点内容</strong></dt><dd><h3>经销商分级：从看销量到看能力</h3></dd></dl></div>${extra}</body></html>`;

  it("takes the viewbox heading over the header's slogan, with the DedeCMS profile and with the generic one", () => {
    for (const profile of [BUILT_IN.dedecms!, GENERIC]) {
      const r = extractPage(dede("渠道冲突的三个根源_衡石咨询"), "/a/124.html", profile);
      expect(r.kind, profile.name).toBe("article");
      if (r.kind === "article") expect(r.title, profile.name).toBe("渠道冲突的三个根源");
    }
  });

  it("never takes the <title> itself, even when no heading agrees with it", () => {
    const r = extractPage(dede("澳门葡京 百家乐"), "/a/124.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") expect(r.title).toBe("渠道冲突的三个根源");
  });

  it("lets the <title> minus the site name decide between two headings near the body", () => {
    const pick = (pageTitle: string, headings: string[]) => {
      const body = `${headings.map((h) => `<h1>${h}</h1>`).join("")}<div class="info">發布時間：2015-03-01</div><div class="content"><p>原定三月的年會改至四月舉行，地點不變。</p></div>`;
      const r = extractPage(article(pageTitle, body), "/n/1.html", GENERIC);
      return r.kind === "article" ? r.title : r.kind;
    };
    expect(pick("年會改期通知 - 本社要聞 - 衡石研究社", ["本社要聞", "年會改期通知"])).toBe("年會改期通知");
    expect(pick("年會改期通知_衡石研究社", ["本社要聞", "年會改期通知"])).toBe("年會改期通知");
    // The part after the last separator is the site's name: no evidence, so the first heading stays.
    expect(pick("新聞 | 本社要聞", ["年會改期通知", "本社要聞"])).toBe("年會改期通知");
  });

  it("exposes the candidates, best first, and a link text from another page outweighs the page's own preference", () => {
    const r = extractPage(dede("衡石咨询"), "/a/124.html", BUILT_IN.dedecms!);
    expect(r.kind).toBe("article");
    if (r.kind !== "article") throw new Error(`not an article: ${r.kind}`);
    expect(r.titles[0]!.text).toBe("渠道冲突的三个根源");
    expect(r.titles.map((t) => t.text)).toContain("经销商分级：从看销量到看能力");
    expect(chooseTitle(r.titles, [])).toBe("渠道冲突的三个根源");
    // Other pages call this one by the sidebar's heading (a list page, a neighbour's 下一篇 link).
    expect(chooseTitle(r.titles, ["经销商分级：从看销量到看能力", "经销商分级：从看销量到看能力"])).toBe(
      "经销商分级：从看销量到看能力",
    );
    // A list's text cut short counts for the heading it begins.
    expect(chooseTitle(r.titles, ["经销商分级：从看..."])).toBe("经销商分级：从看销量到看能力");
    expect(chooseTitle([], ["x"])).toBeNull();
  });

  it("exposes the pager's links and the scripts (a view counter among them)", () => {
    const pager =
      '<div class="dede_pages"><ul class="pagelist"><li><a>共2页: </a></li><li class="thisclass"><a href="#">1</a></li><li><a href="124_2.html">2</a></li><li><a href="124_2.html">下一页</a></li></ul></div>';
    const r = extractPage(
      dede("t", `${pager}<script src="/plus/count.php?view=yes&aid=124&mid=1"></script>`),
      "/a/124.html",
      BUILT_IN.dedecms!,
    );
    expect(r.kind).toBe("article");
    if (r.kind !== "article") throw new Error(`not an article: ${r.kind}`);
    expect(r.pager).toEqual(["/a/124_2.html"]);
    expect(r.scripts).toEqual(["/plus/count.php?view=yes&aid=124&mid=1"]);
    expect(r.views).toBeNull();
  });
});

describe("the breadcrumb", () => {
  it("skips the home link wherever it stands (an older DedeCMS: 当前位置 : 工业营销 | 主页 > 学术研究 > 工业营销)", () => {
    const html = `<html><head><title>t</title></head><body><div class="placenav"><span>当前位置 :</span><a href='/html/xsyj/gyyx/'>工业营销</a>| <a href='/'>主页</a> > <a href='/html/xsyj/'>学术研究</a> > <a href='/html/xsyj/gyyx/'>工业营销</a> ></div>
<h1>工业品展会的投入产出怎么算</h1><div class="info">发布时间：2008-06-12</div><div class="content"><p>每年参加行业展会的费用，常常占到预算的一半以上。</p></div></body></html>`;
    const r = extractPage(html, "/html/xsyj/gyyx/20080612/36.html", GENERIC);
    expect(r.kind).toBe("article");
    if (r.kind === "article") expect(r.trail.map((c) => c.name)).toEqual(["学术研究", "工业营销"]);
  });

  it("takes a link to the site's root as the home link, whatever it is called", () => {
    const r = extractPage(
      article(
        "t",
        '<div class="place">位置：<a href="/index.html">衡石咨询</a> &gt; <a href="/news/">新聞</a></div><h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>正文的第一段，足夠長的文字。</p></div>',
      ),
      "/t.html",
      GENERIC,
    );
    expect(r.kind).toBe("article");
    if (r.kind === "article") expect(r.trail.map((c) => c.name)).toEqual(["新聞"]);
  });
});

describe("real prose about spam's subjects", () => {
  it("imports a government news item about fighting online gambling", () => {
    const r = extractPage(
      article(
        "市公安局开展打击网络赌博专项行动_政务要闻",
        '<h1>市公安局开展打击网络赌博专项行动</h1><div class="info">发布时间：2020-05-06</div><div class="content"><p>近日，市公安局部署打击网络赌博专项行动，查处赌场窝点12个，抓获涉嫌赌博人员56名。</p><p>警方提醒市民，网络赌博危害大，发现线索请及时举报。</p></div>',
      ),
      "/zwyw/1.html",
      GENERIC,
    );
    expect(r.kind).toBe("article");
    if (r.kind === "article") expect(r.signs).toEqual([]);
  });

  it("imports a programming article with XXX inside an identifier in its title", () => {
    const r = extractPage(
      article(
        "t",
        '<h1>Replacing XXX_PLACEHOLDER and parseXXXConfig in old C code</h1><div class="info">Date: 2019-02-03</div><div class="content"><p>Every XXX_PLACEHOLDER marks a value the build fills in.</p></div>',
      ),
      "/dev/2.html",
      GENERIC,
    );
    expect(r.kind).toBe("article");
  });

  it("takes the article's heading over a spam heading injected above it, and reports the injected one", () => {
    const r = extractPage(
      article(
        "t",
        '<div class="ad"><h2>百家乐 真人视讯</h2></div><h1>重點客戶管理的第一步</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>做重點客戶管理，第一步不是排名單。</p></div>',
      ),
      "/t.html",
      GENERIC,
    );
    expect(r.kind).toBe("article");
    if (r.kind === "article") {
      expect(r.title).toBe("重點客戶管理的第一步");
      expect(r.signs).toEqual(['injected heading (百家乐, 真人视讯): "百家乐 真人视讯"']);
      expect(r.titles.map((t) => t.text)).not.toContain("百家乐 真人视讯");
    }
  });

  it("still calls a promotional heading spam, and a link to another host with a gambling word a spam link", () => {
    expect(
      extractPage(
        article(
          "t",
          '<h1>网上赌场开户送彩金</h1><div class="info">发布时间：2020-01-01</div><div class="content"><p>很长的一段推广文字，足够长。</p></div>',
        ),
        "/s.html",
        GENERIC,
      ).kind,
    ).toBe("spam");
    const r = extractPage(
      article(
        "t",
        '<h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>正文的第一段，足夠長的文字。<a href="http://x.example/">赌场</a></p></div>',
      ),
      "/t.html",
      GENERIC,
    );
    expect(r.kind === "article" && r.signs).toEqual(["spam link (赌场): http://x.example/"]);
  });
});

describe("real prose about spam's subjects, from issue 11", () => {
  it("imports a programming article whose title names the XXX marker", () => {
    const r = extractPage(
      article(
        "Why I grep for TODO, FIXME and XXX before every commit - dev notes",
        '<h1>Why I grep for TODO, FIXME and XXX before every commit</h1><div class="info">Date: 2019-02-03</div><div class="content"><p>A marker left in the code is a promise; XXX is the loudest one.</p></div>',
      ),
      "/dev/3.html",
      GENERIC,
    );
    if (r.kind !== "article") throw new Error(`not an article: ${JSON.stringify(r)}`);
    expect(r.title).toBe("Why I grep for TODO, FIXME and XXX before every commit");
    expect(r.signs).toEqual([]);
  });

  it("imports a police news item that names the games and the reporting address", () => {
    const r = extractPage(
      article(
        "警方破获一起特大网络赌博案_政务要闻",
        '<h1>警方破获一起特大网络赌博案</h1><div class="info">发布时间：2021-03-08</div><div class="content"><p>经查，该团伙通过境外网站组织参赌人员通过手机下注，赌博形式包括百家乐、时时彩等，涉案金额逾千万元。</p><p>警方提醒，网络赌博信誉再好也是陷阱。线索可通过举报网址提交。</p></div>',
      ),
      "/zwyw/2.html",
      GENERIC,
    );
    if (r.kind !== "article") throw new Error(`not an article: ${JSON.stringify(r)}`);
    expect(r.title).toBe("警方破获一起特大网络赌博案");
    expect(r.signs).toEqual([]);
  });
});

describe("headings with inline markup", () => {
  const titleOf = (heading: string, profile = GENERIC) => {
    const r = extractPage(
      article(
        "t",
        `${heading}<div class="info">發布時間：2013-12-27</div><div class="content"><p>正文的第一段，足夠長的文字。</p></div>`,
      ),
      "/t.html",
      profile,
    );
    if (r.kind !== "article") throw new Error(`not an article: ${JSON.stringify(r)}`);
    return r.title;
  };

  it("keeps the words inside <em>, <sup> and a leading <span>", () => {
    expect(titleOf("<h2>重点<em>客户</em>管理</h2>")).toBe("重点客户管理");
    expect(titleOf("<h1>E = MC<sup>2</sup> 的故事</h1>")).toBe("E = MC2 的故事");
    expect(titleOf("<h1><span>第一章</span> 总论</h1>")).toBe("第一章 总论");
    expect(titleOf('<h1><a href="/t.html">鏈接裡的<b>標題</b></a></h1>')).toBe("鏈接裡的標題");
  });

  it("cuts at a <br> or at the element holding the meta line, and passes over one before any text", () => {
    expect(titleOf("<h1>Title<br /><span>日期：2013-12-27 來源：本社</span></h1>")).toBe("Title");
    expect(titleOf("<h1>年會<em>改期</em>通知<span>發布時間：2013-12-27</span></h1>")).toBe("年會改期通知");
    expect(titleOf('<h1>年會改期通知<span class="info">2013-12-27</span></h1>')).toBe("年會改期通知");
    expect(titleOf("<h1><br>年會改期通知</h1>")).toBe("年會改期通知");
  });
});

describe("a long <title>", () => {
  it("is read with its spaces collapsed and cut short (300,000 spaces: sized so a quadratic separator match would time out)", () => {
    const pageTitle = `年會改期通知${" ".repeat(300_000)}_衡石研究社`;
    const body =
      '<h1>本社要聞</h1><h1>年會改期通知</h1><div class="info">發布時間：2015-03-01</div><div class="content"><p>原定三月的年會改至四月舉行，地點不變。</p></div>';
    const r = extractPage(article(pageTitle, body), "/n/1.html", GENERIC);
    if (r.kind !== "article") throw new Error(`not an article: ${JSON.stringify(r)}`);
    // The <title> still counts as evidence once collapsed: it decides between the two headings.
    expect(r.title).toBe("年會改期通知");
    const spammy = extractPage(article(`澳门葡京${"\t\n ".repeat(100_000)}百家乐`, body), "/n/2.html", GENERIC);
    if (spammy.kind !== "article") throw new Error(`not an article: ${JSON.stringify(spammy)}`);
    expect(spammy.signs).toEqual(['injected <title> (澳门葡京, 百家乐): "澳门葡京 百家乐"']);
  });
});

describe("probePage", () => {
  it("says which fields a profile finds on a page, each on its own", () => {
    expect(
      probePage(
        article("t", '<h1>標題</h1><div class="content"><p>只有正文和標題，沒有日期的一頁。</p></div>'),
        GENERIC,
      ),
    ).toEqual({ title: true, body: true, date: false });
    expect(probePage("<html><body><p>x</p></body></html>", GENERIC)).toEqual({
      title: false,
      body: false,
      date: false,
    });
  });
});

describe("wide pages", () => {
  it("are read whole: headings, pager, breadcrumb and sidebar links, thirty thousand of each (sized so a quadratic walk would time out)", () => {
    const n = 30_000;
    const html =
      `<html><head><title>標題_衡石</title></head><body><div class="position">位置：<a href="/">首頁</a> <a href="/x/">欄目</a>${"<span>›</span>".repeat(n)}</div>` +
      `${"<h2>側欄標題</h2>".repeat(n)}<h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>正文的第一段，足夠長的文字。</p></div>` +
      `<div class="dede_pages">${Array.from({ length: n }, (_, i) => `<a href="/a/1_${(i % 3) + 2}.html">第${i}頁</a>`).join("")}</div>${'<p><a href="/b.html">側欄連結</a></p>'.repeat(n)}</body></html>`;
    const r = extractPage(html, "/a/1.html", BUILT_IN.dedecms!);
    expect(r.kind).toBe("article");
    if (r.kind !== "article") throw new Error(`not an article: ${r.kind}`);
    expect(r.title).toBe("標題");
    expect(r.trail.map((c) => c.name)).toEqual(["欄目"]);
    // The pager's first 200 links are read: enough for any real article.
    expect(r.pager).toEqual(["/a/1_2.html", "/a/1_3.html", "/a/1_4.html"]);
    // Links are kept up to 5,000 a page (what other pages call each page, for the titles).
    expect(r.links.length).toBe(5000);
  });
});

describe("frames in a legacy body", () => {
  const page = (frames: string) =>
    `<html><head><title>t</title></head><body><h1>標題</h1><div class="info">發布時間：2013-12-27</div><div class="content"><p>正文的第一段，足夠長的文字。</p>${frames}</div></body></html>`;
  it("drops a tiny frame and one to a spam address as injected code, and leaves a visible one for the conversion", () => {
    const r = extractPage(
      page(
        '<iframe src="http://evil.example/x" width="0" height="0"></iframe><iframe src="http://casino-bonus.example/bet365" width="300" height="200"></iframe><iframe src="https://player.example.org/v/12" width="640" height="360"></iframe>',
      ),
      "/a/1.html",
      GENERIC,
    );
    if (r.kind !== "article") throw new Error(`not an article: ${JSON.stringify(r)}`);
    expect(r.signs).toEqual([
      "a hidden <iframe> (0×0) to http://evil.example/x",
      "an <iframe> to a spam address (casino, bet365): http://casino-bonus.example/bet365",
    ]);
    expect(r.bodyHtml).toContain('src="https://player.example.org/v/12"');
    expect(r.bodyHtml).not.toContain("evil.example");
    expect(r.bodyHtml).not.toContain("casino-bonus");
  });
});

describe("a summary the template prints apart from the body", () => {
  const page = (intro: string) =>
    `<html><head><title>t</title></head><body><div class="viewbox"><div class="title"><h2>標題</h2></div><div class="info">發布時間：2013-12-27</div>${intro}<div class="content"><p>正文的第一段，足夠長的文字。</p><div class="intro">正文裡的一段，不是摘要。</div></div></div></body></html>`;
  const read = (html: string, profile = BUILT_IN.dedecms!) => {
    const r = extractPage(html, "/a/1.html", profile);
    if (r.kind !== "article") throw new Error(`not an article: ${r.kind}`);
    return r;
  };
  it("is the DedeCMS viewbox's intro, never a block inside the body", () => {
    expect(read(page('<div class="intro">拜訪之前先想清楚三個問題。</div>')).summary).toBe(
      "拜訪之前先想清楚三個問題。",
    );
    expect(read(page("")).summary).toBe("");
  });
  it("is not guessed by the generic profile, and spam in it is a sign, not a summary", () => {
    expect(read(page('<div class="intro">拜訪之前先想清楚三個問題。</div>'), GENERIC).summary).toBe("");
    const r = read(page('<div class="intro">澳门葡京 真人视讯 点击进入</div>'));
    expect(r.summary).toBe("");
    expect(r.signs.some((s) => s.startsWith("spam in the summary"))).toBe(true);
  });
});
