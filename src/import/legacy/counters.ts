// View counts a stock CMS template prints by script, read back from the answers a mirror saved.
// DedeCMS writes `<script src="/plus/count.php?view=yes&aid=125&mid=1">` (answer
// `document.write('8290');`), PHPCMS v9 `<script src="/api.php?op=count&id=125&modelid=1">` (answer
// `$('#hits').html('8290');`, after the download model's other counters), EmpireCMS
// `<script src="/e/public/ViewClick/?classid=2&id=125&addclick=1">` (`document.write('8290');`; with
// down=5 the same script writes the digg count, which is not views).
// wget saves such an answer under the address's own name, the query kept after "?" (or "@" with
// --restrict-file-names=windows), a directory address as "index.html" before the query, and
// ".html" appended with --adjust-extension when the server called it HTML (PHP's default). The answers
// are read with strict patterns, never run.

/** Which parameters name the article, per counter script (the others, like DedeCMS's mid, vary). */
const COUNTERS: { script: RegExp; needs: Record<string, RegExp>; keys: string[] }[] = [
  // DedeCMS: only view=yes prints the count.
  { script: /\/count\.php$/i, needs: { view: /^yes$/i }, keys: ["aid"] },
  { script: /\/api\.php$/i, needs: { op: /^count$/i }, keys: ["id", "modelid"] },
  // EmpireCMS: `down` chooses what is shown; only 0 (or none) is the view count (1 downloads, 2
  // comments, 5 the digg count the stock news template calls).
  { script: /\/e\/public\/viewclick\/$/i, needs: { down: /^0?$/ }, keys: ["classid", "id"] },
];

/**
 * The identity of a counter request — a site path with its query, as a page's script calls it or as
 * wget saved it — or null for any other address. Two spellings of one request have one identity.
 */
export function counterKey(address: string): string | null {
  const at = /[?@]/.exec(address);
  if (!at) return null;
  const script = address.slice(0, at.index).replace(/\/index\.html?$/i, "/");
  const query = address.slice(at.index + 1).replace(/\.html?$/i, "");
  const counter = COUNTERS.find((c) => c.script.test(script));
  if (!counter) return null;
  const params = new Map<string, string>();
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0) params.set(pair.slice(0, eq).toLowerCase(), pair.slice(eq + 1));
  }
  for (const [name, value] of Object.entries(counter.needs)) if (!value.test(params.get(name) ?? "")) return null;
  const values = counter.keys.map((k) => params.get(k) ?? "");
  if (!values.every((v) => /^\d+$/.test(v))) return null;
  return `${script.toLowerCase()}?${counter.keys.map((k, i) => `${k}=${Number(values[i])}`).join("&")}`;
}

/** Largest answer read: a count is a few bytes, PHPCMS's download model adds three more counters. */
export const MAX_ANSWER_BYTES = 2048;

const WRITE = /^document\.write\(\s*(['"])(\d{1,16})\1\s*\)$/;
const JQUERY = /^\$\(\s*(['"])#([\w-]+)\1\s*\)\.html\(\s*(['"])(\d{0,16})\3\s*\)$/;

/**
 * The count in a saved answer, or null when the answer is not one of the known shapes: every
 * statement must be `document.write('N')` or `$('#id').html('N')` (PHPCMS: the one for #hits).
 */
export function parseCounter(body: string): number | null {
  if (body.length > MAX_ANSWER_BYTES) return null;
  const statements = body
    .replace(/^\uFEFF/, "")
    .split(/;|\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  let count: number | null = null;
  for (const statement of statements) {
    const write = WRITE.exec(statement);
    const jquery = JQUERY.exec(statement);
    if (write) count = Number(write[2]);
    else if (jquery) {
      if (jquery[2] === "hits" && jquery[4] !== "") count = Number(jquery[4]);
    } else return null;
  }
  return count !== null && Number.isSafeInteger(count) ? count : null;
}
