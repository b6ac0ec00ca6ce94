// A fast path for the front-matter nearly every article has: one `key: value` per line, values on a
// single line. It resolves values exactly as the `yaml` package does with YAML 1.2's core schema, and
// gives up (returns null) on anything else — nesting, lists, block scalars, anchors, tags, odd quoting,
// duplicate keys — so the full parser handles those, and reports their errors. The one list it reads is
// a JSON array of strings on one line (`tags: ["工業營銷", "key accounts"]`, as generated archives and
// importers may write it), which means the same in YAML; every other list goes to the full parser. A large archive reads
// tens of thousands of front-matter blocks per build; this makes that ~10× cheaper.

export interface FlatEntry {
  /** 1-based line within the text. */
  line: number;
  /** 1-based column where the value starts. */
  column: number;
  /** Exact source text of a plain (unquoted) value; the value itself for a quoted one. */
  source: string;
  /** For a list: the 1-based column of each item (the full parser has no source text for a list). */
  items?: number[];
}

export interface FlatMapping {
  value: Record<string, unknown>;
  entries: Map<string, FlatEntry>;
}

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ \t]+(\S.*?)[ \t]*$/;
const SKIP = /^[ \t]*(#.*)?$/;
// Characters that may not start a plain scalar we accept (YAML indicators, quotes handled apart). `&`
// and `*` among them: an anchor or alias always goes to the full parser, whose alias limit stops a bomb.
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** The mapping, or null when the text is not a flat mapping this fast path can read exactly. */
export function parseFlatMapping(text: string): FlatMapping | null {
  const value: Record<string, unknown> = {};
  const entries = new Map<string, FlatEntry>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SKIP.test(line)) continue;
    const match = LINE.exec(line);
    if (!match) return null;
    const [, key, raw] = match as unknown as [string, string, string];
    if (entries.has(key) || key === "__proto__") return null;
    const column = line.indexOf(raw, key.length + 1) + 1;
    if (raw.startsWith("[")) {
      const list = resolveStringList(raw);
      if (list === undefined) return null;
      value[key] = list.value;
      entries.set(key, { line: i + 1, column, source: raw, items: list.offsets.map((o) => column + o) });
      continue;
    }
    const resolved = resolveScalar(raw);
    if (resolved === undefined) return null;
    value[key] = resolved.value;
    entries.set(key, { line: i + 1, column, source: resolved.source });
  }
  return { value, entries };
}

/** A JSON array of strings (no tab: YAML forbids it where JSON allows it escaped-only anyway), or undefined. */
function resolveStringList(raw: string): { value: string[]; offsets: number[] } | undefined {
  if (!raw.endsWith("]") || raw.includes("\t")) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return undefined;
  // In a JSON array of strings every quoted run is one item, in order: where each starts is its column.
  const offsets = [...raw.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => m.index);
  return offsets.length === value.length ? { value, offsets } : undefined;
}

function resolveScalar(raw: string): { value: unknown; source: string } | undefined {
  if (raw.startsWith('"')) {
    // JSON strings are YAML double-quoted scalars with the same meaning; anything else falls back.
    if (!raw.endsWith('"') || raw.length < 2 || /[\t]/.test(raw)) return undefined;
    try {
      const value: unknown = JSON.parse(raw);
      return typeof value === "string" ? { value, source: value } : undefined;
    } catch {
      return undefined;
    }
  }
  if (raw.startsWith("'")) {
    const inner = raw.slice(1, -1);
    // Inside single quotes a quote is written twice; a lone one would end the scalar early.
    if (!raw.endsWith("'") || raw.length < 2 || inner.replace(/''/g, "").includes("'")) return undefined;
    const value = inner.replace(/''/g, "'");
    return { value, source: value };
  }
  // A plain scalar: no indicator first, no ": " or " #" inside (those end or split it in YAML).
  if (PLAIN_START.test(raw) || raw.includes(": ") || raw.includes(" #") || raw.endsWith(":") || raw.includes("\t"))
    return undefined;
  return { value: coreSchema(raw), source: raw };
}

/** YAML 1.2 core schema resolution of a plain scalar (https://yaml.org/spec/1.2.2/#1023-core-schema). */
export function coreSchema(s: string): unknown {
  if (/^(?:~|null|Null|NULL)$/.test(s)) return null;
  if (/^(?:true|True|TRUE)$/.test(s)) return true;
  if (/^(?:false|False|FALSE)$/.test(s)) return false;
  if (/^[-+]?[0-9]+$/.test(s)) return Number(s);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return Number(s);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (/^\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  return s;
}
