// An article's past comments as view data for its page: anchors, dates formatted once, and each
// reply's link to the comment it answers. The text stays Markdown: the template renders it with the
// one markdown factory, exactly as it renders the body (never as raw HTML).
import type { PastComment } from "../content/comments.ts";
import { formatDate, isoWithOffset } from "../content/dates.ts";
import { fill, type Labels } from "../i18n/labels.ts";

export interface CommentView {
  /** The comment element's id: "comment-12" for `id: 12`, "comment-at-3" for the third comment, which has none. */
  anchor: string;
  author: string;
  /** The commenter's own site, or "". */
  url: string;
  dateIso: string;
  dateText: string;
  /** The earlier comment this one answers: its author and a link to it on the same page. */
  replyTo: { author: string; href: string } | null;
  /** Markdown, as written. */
  text: string;
}

export interface CommentSettings {
  dateFormat: string;
  locale: string;
}

export function commentViews(comments: readonly PastComment[], settings: CommentSettings): CommentView[] {
  const byId = new Map<number, CommentView>();
  return comments.map((c, i) => {
    // A reply always names an earlier comment (checked in src/content/comments.ts), so it is in byId.
    const parent = c.replyTo === null ? undefined : byId.get(c.replyTo);
    const view: CommentView = {
      anchor: c.id === null ? `comment-at-${i + 1}` : `comment-${c.id}`,
      author: c.author,
      url: c.url,
      dateIso: isoWithOffset(c.date),
      dateText: formatDate(c.date, settings.dateFormat, settings.locale),
      replyTo: parent ? { author: parent.author, href: `#${parent.anchor}` } : null,
      text: c.text,
    };
    if (c.id !== null) byId.set(c.id, view);
    return view;
  });
}

/** "3 則評論" / "1 comment". */
export function commentCountText(
  count: number,
  t: Pick<Labels, "commentCount" | "commentCountOne">,
  numberFormat: Intl.NumberFormat,
): string {
  return count === 1 ? t.commentCountOne : fill(t.commentCount, { n: numberFormat.format(count) });
}
