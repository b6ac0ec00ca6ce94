// An analytics export (Google Analytics, Matomo, Umami, Baidu Tongji, a spreadsheet…): one row per
// page, a URL or path column and a count column. Read with csv-parse, so quotes, doubled quotes and
// newlines inside quoted fields are what RFC 4180 says; the delimiter is the file's own (.tsv: tab,
// otherwise the header line's). A row that names a page but has no usable count is a problem naming
// the file, line and column, never a silently dropped or misread row.
import { parse } from "csv-parse/sync";
import type { Problem } from "../content/problems.ts";
import { describeValue } from "../content/problems.ts";
import { decodePath } from "./urls.ts";

export interface ExportRow {
  path: string;
  count: number;
  /** 1-based line where the row starts. */
  line: number;
}

const DELIMITERS = [",", "\t", ";"] as const;
const LOOKS_LIKE_URL = /^(https?:\/\/|\/)/i;
// Header names of a count column, in the exports we know (views, pageviews, hits, 瀏覽量, PV…).
export const COUNT_HEADER = /views|pageviews|hits|visits|\bpv\b|瀏覽|浏览|閱讀|阅读|點擊|点击|訪問|访问/i;
// A whole number, optionally in groups of three split by one kind of separator: 1234, 1,234, 1 234
// (a space, a no-break space or a narrow no-break space, as spreadsheets in many locales write it).
const COUNT = /^(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d{1,3}(?:\u00a0\d{3})+|\d{1,3}(?:\u202f\d{3})+)$/;

/** The delimiter of an export: tab for .tsv, else the commonest of , tab ; outside quotes on its first line. */
export function delimiterFor(file: string, text: string): string {
  if (/\.tsv$/i.test(file)) return "\t";
  const first = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .find((l) => l.trim() !== "" && !l.startsWith("#"));
  if (first === undefined) return ",";
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of first) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export type CountResult = { count: number } | { expected: string };

/** A count cell: a whole number, thousands separators allowed, at most Number.MAX_SAFE_INTEGER. */
export function parseCount(cell: string): CountResult {
  const text = cell.trim();
  if (!COUNT.test(text)) return { expected: "a whole number ≥ 0, like 1234, 1,234 or 1 234" };
  const count = Number(text.replace(/\D/g, ""));
  if (!Number.isSafeInteger(count))
    return { expected: `a count of at most ${Number.MAX_SAFE_INTEGER} (the largest a views line can hold)` };
  return { count };
}

/**
 * The page rows of an export. The URL column is the first one holding a URL or path in the first row
 * that has one; the count column is the header's views column (Views, Pageviews, 瀏覽量…), else that
 * row's first other cell holding a count. Rows without a URL in the URL column (headers, totals,
 * "(not set)") are not pages and are skipped; `#` lines are comments.
 */
export function parseAnalyticsCsv(
  text: string,
  file: string,
  delimiter = delimiterFor(file, text),
): { rows: ExportRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: ExportRow[] = [];
  const read = csvRecords(text, file, delimiter);
  if ("problem" in read) return { rows, problems: [read.problem] };
  const records = read.records;
  let header: string[] | undefined;
  let urlColumn = -1;
  let countColumn = -1;
  const columnName = (i: number) =>
    header?.[i]?.trim() ? `"${header[i]!.trim()}" (column ${i + 1})` : `column ${i + 1}`;
  for (let r = 0; r < records.length; r++) {
    const { record, line } = records[r]!;
    if (urlColumn < 0) {
      const at = record.findIndex((c) => LOOKS_LIKE_URL.test(c.trim()));
      if (at < 0) {
        header = record;
        continue;
      }
      urlColumn = at;
      countColumn = header?.findIndex((h, i) => i !== at && COUNT_HEADER.test(h)) ?? -1;
      if (countColumn < 0) countColumn = record.findIndex((c, i) => i !== at && "count" in parseCount(c));
      if (countColumn < 0) {
        problems.push({
          file,
          line,
          column: 0,
          field: "csv",
          found: `a page row with no count in any column: ${describeValue(record.join(delimiter))}`,
          expected: "a column of view counts beside the URL column",
        });
        return { rows, problems };
      }
    }
    const url = record[urlColumn]?.trim() ?? "";
    if (!LOOKS_LIKE_URL.test(url)) continue; // a summary row ("Total"), a repeated header, "(not set)"
    const count = cellCount(record[countColumn], { file, line, field: columnName(countColumn) }, problems);
    if (count === null) continue;
    const pagePath = pathOf(url);
    if (pagePath === null) {
      problems.push({
        file,
        line,
        column: 0,
        field: columnName(urlColumn),
        found: describeValue(url),
        expected: "a URL or a site path starting with /",
      });
      continue;
    }
    rows.push({ path: pagePath, count, line });
  }
  return { rows, problems };
}

/** A count cell's number; null, with a problem naming the file, line and column, when it holds no count. */
export function cellCount(
  cell: string | undefined,
  at: { file: string; line: number; field: string },
  problems: Problem[],
): number | null {
  const parsed = parseCount(cell ?? "");
  if ("count" in parsed) return parsed.count;
  problems.push({
    ...at,
    column: 0,
    found: cell === undefined ? "nothing (the row is too short)" : describeValue(cell),
    expected: parsed.expected,
  });
  return null;
}

export interface CsvRecord {
  record: string[];
  /** 1-based line where the record starts. */
  line: number;
}

/** The records of a CSV/TSV file with the line each starts on, or the problem that stops it being read. */
export function csvRecords(
  text: string,
  file: string,
  delimiter = delimiterFor(file, text),
): { records: CsvRecord[] } | { problem: Problem } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // CRLF read as LF first, so csv-parse's line count is the file's (it counts CR and LF apart).
    parsed = parse(text.replace(/\r\n/g, "\n"), {
      delimiter,
      bom: true,
      info: true,
      comment: "#",
      comment_no_infix: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    return {
      problem: {
        file,
        line: e.lines ?? 0,
        column: 0,
        field: "csv",
        found: e.message,
        expected: `a well-formed ${delimiter === "\t" ? "TSV" : "CSV"} file (quotes closed, "" for a quote inside one)`,
      },
    };
  }
  // info.lines is where the record ends; a quoted field's newlines move its start up.
  return {
    records: parsed.map(({ record, info }) => ({
      record,
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    })),
  };
}

/** The site path of an absolute URL or a path ("https://x.example/%E6%96%87/?a=1" → "/文/"); null when it is neither. */
export function pathOf(url: string): string | null {
  if (!LOOKS_LIKE_URL.test(url)) return null;
  try {
    return decodePath(new URL(url, "http://csv.invalid").pathname);
  } catch {
    return null;
  }
}
