// Bounded work per page: an import reads thousands of pages written by anyone (a hacked CMS, a broken
// editor), and one page must never stall or abort the run. A page above these limits is skipped with a
// report line; everything else is imported.

/**
 * Largest page or post read, in bytes. Real article pages are 10–300 kB (the biggest, with images
 * inlined as base64, 1–2 MB); parsing, cleaning and converting a page costs about 100× its size in
 * memory, so 4 MB keeps one page well under half a gigabyte and a few seconds.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/**
 * Deepest element nesting read. Legacy table layouts nest 20–40 deep (the fixture mirror's deepest is
 * 8, counted from the document); the HTML-to-Markdown converter and cheerio's text and serialiser recurse once per level and run
 * out of stack near 2,000 levels, so 256 is far above any real page and far below the failure.
 */
export const MAX_DEPTH = 256;

/** Why a page of `bytes` bytes is not read, or null. */
export function tooLarge(bytes: number): string | null {
  return bytes > MAX_PAGE_BYTES
    ? `${megabytes(bytes)} MB, above the ${megabytes(MAX_PAGE_BYTES)} MB limit for one page`
    : null;
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");

interface TreeNode {
  type?: string;
  children?: TreeNode[];
}

/**
 * The element nesting depth below `root` (a parsed DOM node), counted without recursion (a deep page
 * is exactly what must not overflow the stack); it stops counting past `limit`.
 */
export function nestingDepth(root: TreeNode, limit = MAX_DEPTH): number {
  let deepest = 0;
  const stack: [TreeNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of node.children ?? []) if (child.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Why a parsed page is not read, or null. */
export function tooDeep(root: TreeNode): string | null {
  const depth = nestingDepth(root);
  return depth > MAX_DEPTH ? `elements nested more than ${MAX_DEPTH} deep (a broken or hostile page)` : null;
}
