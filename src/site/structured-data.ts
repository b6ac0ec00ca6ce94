// JSON-LD for article pages: an Article (with its share image as an ImageObject, its author with their
// page, the view count as an InteractionCounter, its tags as keywords, its past comments as Comments,
// the site's license on its own articles and a reprint's original as isBasedOn) and a BreadcrumbList
// built from the same crumbs as the visible breadcrumb. Serialised so that nothing in a value can end
// the <script> element: <, >, & and the JS line separators are escaped.
import { excerpt } from "../content/excerpt.ts";
import { webJson } from "./json.ts";
import type { ArticlePage } from "./pages/index.ts";
import type { SiteView } from "./site-view.ts";
import type { CommentView } from "./past-comments.ts";
import type { ShareImage } from "./share-image.ts";

export function articleJsonLd(page: ArticlePage, site: SiteView, views: number): string {
  const url = site.origin + page.entry.href;
  // Crumb hrefs carry the path prefix already; the origin makes them absolute.
  const data = [
    {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: page.entry.title,
      datePublished: page.entry.dateIso,
      dateModified: page.updatedIso || page.entry.dateIso,
      ...(page.author ? { author: authorJsonLd(page, site) } : {}),
      publisher: { "@type": "Organization", name: site.title },
      mainEntityOfPage: url,
      url,
      ...(page.entry.summary ? { description: page.entry.summary } : {}),
      ...(page.share ? { image: imageJsonLd(page.share) } : {}),
      inLanguage: page.entry.lang || site.lang,
      interactionStatistic: {
        "@type": "InteractionCounter",
        interactionType: "https://schema.org/ViewAction",
        userInteractionCount: views,
      },
      // A list, not one comma-joined text: a tag may hold a comma itself.
      ...(page.tags.length > 0 ? { keywords: page.tags.map((tag) => tag.name) } : {}),
      // Only where the notice shows the site's license: never on a reprint, whose rights are its publisher's.
      ...(page.license ? { license: page.license } : {}),
      ...(page.basedOn ? { isBasedOn: page.basedOn } : {}),
      ...(page.comments.length > 0
        ? { commentCount: page.comments.length, comment: page.comments.map((c) => commentJsonLd(c, url)) }
        : {}),
    },
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: page.breadcrumbs.map((crumb, i) => ({
        "@type": "ListItem",
        position: i + 1,
        name: crumb.text,
        item: site.origin + (crumb.href ?? page.entry.href),
      })),
    },
  ];
  // webJson: no "</script>", "<!--" or line separator can appear raw inside the script element.
  return webJson(data);
}

/** The author as a Person, with their page (site config `authors`) made absolute. */
function authorJsonLd(page: ArticlePage, site: SiteView): Record<string, unknown> {
  const url = page.authorHref.startsWith("/") ? site.origin + page.authorHref : page.authorHref;
  return { "@type": "Person", name: page.author, ...(url ? { url } : {}) };
}

/** The share image as an ImageObject, with its size when the build read it. */
function imageJsonLd(image: ShareImage): Record<string, unknown> {
  return {
    "@type": "ImageObject",
    url: image.url,
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
    ...(image.alt ? { caption: image.alt } : {}),
  };
}

/** A past comment as a schema.org Comment; its @id is its place on the page, which a reply's parentItem names. */
function commentJsonLd(c: CommentView, pageUrl: string): Record<string, unknown> {
  return {
    "@type": "Comment",
    "@id": `${pageUrl}#${c.anchor}`,
    url: `${pageUrl}#${c.anchor}`,
    author: { "@type": "Person", name: c.author, ...(c.url ? { url: c.url } : {}) },
    dateCreated: c.dateIso,
    // Plain text of the Markdown, every paragraph (excerpt.ts with no length limit).
    text: excerpt(c.text, Infinity),
    ...(c.replyTo ? { parentItem: { "@id": pageUrl + c.replyTo.href } } : {}),
  };
}
