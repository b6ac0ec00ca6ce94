// Walks of a parsed page whose cost grows with the page, never faster: an imported page is written by
// anyone, and cheerio's conveniences hide quadratic work. `scope.find(selector)` hands every child of
// the scope to css-select, which drops nested ones by searching the whole list for each child's
// ancestors: a body of 20,000 paragraphs took 8 s, one of 100,000 links did not finish in minutes.
import type { Cheerio, CheerioAPI } from "cheerio";

/** domhandler's node: elements are of type "tag", "script" or "style", all with a name. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  parent: DomNode | null;
  children?: DomNode[];
}

/**
 * The elements matching `selector` below `scope` (like `scope.find(selector)`): the document's matches,
 * kept when one of their ancestors is the scope; linear in the matches times the depth (limited, see
 * limits.ts).
 */
export function within<T>($: CheerioAPI, scope: Cheerio<T>, selector: string): Cheerio<T> {
  const tops = new Set<unknown>(scope.toArray());
  return $(selector).filter((_, el) => {
    for (let at = (el as unknown as DomNode).parent; at; at = at.parent) if (tops.has(at)) return true;
    return false;
  }) as unknown as Cheerio<T>;
}

/** Whether `node` is still in its document (not inside a block removed already). */
export function attached(node: unknown): boolean {
  let at = node as DomNode;
  while (at.parent) at = at.parent;
  return at.type === "root";
}

/** Whether an element named `tag` lies below `node`; a walk that stops at the first. */
export function hasTag(node: unknown, tag: string): boolean {
  const stack = [...((node as DomNode).children ?? [])];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at.name === tag) return true;
    if (at.children) stack.push(...at.children);
  }
  return false;
}

/** The first element named `tag` below `node`, in document order, or null. */
export function firstTag(node: unknown, tag: string): unknown {
  const stack = [...((node as DomNode).children ?? [])].reverse();
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at.name === tag) return at;
    if (at.children) for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i]!);
  }
  return null;
}

/** The number of elements named `tag` below `node`. */
export function count(node: unknown, tag: string): number {
  let n = 0;
  const stack = [...((node as DomNode).children ?? [])];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at.name === tag) n++;
    if (at.children) stack.push(...at.children);
  }
  return n;
}

/** The length of `node`'s text, counted without building it (a block nested 200 deep would build it 200 times). */
export function textLength(node: unknown): number {
  let n = 0;
  const stack = [...((node as DomNode).children ?? [])];
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at.type === "text") n += at.data?.length ?? 0;
    else if (at.children) stack.push(...at.children);
  }
  return n;
}

/**
 * The first `max` characters of `node`'s text, read without collecting the rest (a label test at the
 * start of every block of a page must not read the whole page once per level).
 */
export function textStart(node: unknown, max: number): string {
  let out = "";
  const stack = [...((node as DomNode).children ?? [])].reverse();
  while (stack.length > 0 && out.length < max) {
    const at = stack.pop()!;
    if (at.type === "text") out += at.data ?? "";
    else if (at.children) for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i]!);
  }
  return out.slice(0, max);
}

/** `node`'s text without what lies in the elements named in `skip` (script, style): like a copy with those removed, without the copy. */
export function textWithout(node: unknown, skip: ReadonlySet<string>): string {
  const parts: string[] = [];
  const stack = [...((node as DomNode).children ?? [])].reverse();
  while (stack.length > 0) {
    const at = stack.pop()!;
    if (at.type === "text") parts.push(at.data ?? "");
    else if (at.children && !(at.name && skip.has(at.name)))
      for (let i = at.children.length - 1; i >= 0; i--) stack.push(at.children[i]!);
  }
  return parts.join("");
}
