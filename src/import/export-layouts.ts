// The page-views exports of the analytics services the site can load (src/site/analytics.ts), read in
// each service's own column layout, told apart by their header rows; any other file is the generic
// "URL, count" export of ./analytics-csv.ts. One table of layouts, tried in order. Exports with one row
// per page are summed per page; exports with one row per page view are counted per page. Where each
// layout comes from (the services' own code):
//
// - Baidu Tongji 受访页面 (visit/toppage/a): its download is a CSV, often GBK, whose header row (页面URL,
//   浏览量(PV), 访客数(UV), IP数, 入口页次数, 贡献下游浏览量, 退出页次数, 平均停留时长, 退出率 — the report's
//   metrics, as Tongji's API names them) follows lines about the site and the date range.
// - Umami, the data export (umami-software/umami src/app/api/websites/[websiteId]/export/route.ts):
//   website_event.csv, one row per event (WEBSITE_EVENT_COLUMNS: website_id, session_id, visit_id,
//   event_id, hostname, …, url_path, url_query, …, event_type, event_name, …, created_at, job_id);
//   event_type 1 is a page view (src/lib/constants.ts EVENT_TYPE.pageView).
// - Umami, the dashboard's pages.csv (the same route in earlier versions: getPageviewMetrics, columns
//   x, y): x the path, y its count — distinct sessions, i.e. visitors, in current versions.
// - GoatCounter (arp242/goatcounter export.go, tpl/help/export.md): one row per pageview, header
//   `2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,
//   Location,FirstVisit,Date`, the first name prefixed with the format's version (1 had fewer columns).
// - Plausible (plausible/analytics lib/plausible/exports.ex): the export zip's imported_pages*.csv,
//   `date,hostname,page,visits,visitors,pageviews,…` one row per page and day; and the dashboard's
//   pages.csv (dimension event:page, metrics visitors, pageviews, bounce_rate, time_on_page…), `name,…`.
import iconv from "iconv-lite";
import { describeValue, type Problem } from "../content/problems.ts";
import {
  COUNT_HEADER,
  csvRecords,
  delimiterFor,
  parseAnalyticsCsv,
  cellCount,
  pathOf,
  type CsvRecord,
  type ExportRow,
} from "./analytics-csv.ts";

export interface ExportLayout {
  name: string;
  /** What the file was read as, for the report: "GoatCounter's CSV export (one row per pageview)". */
  label: string;
  /** The header row of this layout? (cells trimmed) */
  matches(header: readonly string[]): boolean;
  /** The column naming the page. */
  path(header: readonly string[]): number;
  /** Per page: the column of its count. */
  count?(header: readonly string[]): number;
  /** Per view: whether a row is a reader's page view (not a bot, not an event). */
  isView?(cell: (name: string) => string): boolean;
  /** A caveat the owner should know about this layout's numbers. */
  note?: string;
  /** A problem with the header itself (an export format version not known). */
  refuse?(header: readonly string[]): string | null;
}

const column = (name: string | RegExp) => (header: readonly string[]) =>
  header.findIndex((h) => (typeof name === "string" ? h === name : name.test(h)));
const has = (header: readonly string[], ...names: string[]) => names.every((n) => header.includes(n));

const BAIDU_URL = /^(?:页面URL|頁面URL|受访页面|受訪頁面|页面地址|頁面地址)$/i;
const BAIDU_PV = /^(?:浏览量|瀏覽量)\s*[(（]\s*PV\s*[)）]$/i;
const GOATCOUNTER_PATH = /^(\d+)Path$/;
/** GoatCounter's export versions whose columns Wenku knows (export.md, "Versioning"). */
const GOATCOUNTER_VERSIONS = ["1", "2"];

export const LAYOUTS: readonly ExportLayout[] = [
  {
    name: "baidu",
    label: "Baidu Tongji's 受访页面 export (浏览量(PV) per page)",
    matches: (h) => h.some((c) => BAIDU_URL.test(c)) && h.some((c) => BAIDU_PV.test(c)),
    path: column(BAIDU_URL),
    count: column(BAIDU_PV),
  },
  {
    name: "goatcounter",
    label: "GoatCounter's CSV export (one row per pageview; bots and events left out)",
    matches: (h) => GOATCOUNTER_PATH.test(h[0] ?? "") && has(h, "Event", "Bot"),
    path: () => 0,
    // Bot: 0 for a person, else one of isbot's constants; Event: true for an event, not a pageview.
    isView: (cell) => (cell("Bot") === "0" || cell("Bot") === "") && cell("Event") !== "true",
    refuse: (h) => {
      const version = GOATCOUNTER_PATH.exec(h[0]!)![1]!;
      return GOATCOUNTER_VERSIONS.includes(version)
        ? null
        : `a GoatCounter export of format version ${version}; Wenku reads versions ${GOATCOUNTER_VERSIONS.join(" and ")}`;
    },
  },
  {
    name: "umami-events",
    label: "Umami's data export, website_event.csv (one row per event; page views counted)",
    matches: (h) => has(h, "url_path", "event_type", "website_id"),
    path: column("url_path"),
    isView: (cell) => cell("event_type") === "1",
  },
  {
    name: "umami-pages",
    label: "Umami's pages.csv (x = path, y = its count)",
    matches: (h) => h.length === 2 && h[0] === "x" && h[1] === "y",
    path: () => 0,
    count: () => 1,
    note: "Umami's pages.csv counts visitors (distinct sessions) per page, not page views, and lists at most 500 pages; website_event.csv from Umami's data export counts every view",
  },
  {
    name: "plausible-imported",
    label: "Plausible's export, imported_pages.csv (pageviews per page and day, summed)",
    matches: (h) => has(h, "date", "hostname", "page", "pageviews"),
    path: column("page"),
    count: column("pageviews"),
  },
  {
    name: "plausible-pages",
    label: "Plausible's dashboard pages.csv (pageviews per page)",
    matches: (h) => h[0] === "name" && has(h, "visitors", "pageviews"),
    path: () => 0,
    count: column("pageviews"),
  },
];

export const GENERIC_LABEL = "a generic export (a URL column and a views column)";
/** Rows before the header: Baidu's lines about the site and the dates. */
const PREAMBLE_LIMIT = 20;

export interface ReadExport {
  /** LAYOUTS' name, or "generic". */
  layout: string;
  label: string;
  note?: string;
  rows: ExportRow[];
  problems: Problem[];
}

/**
 * The text of an export: UTF-8 (a BOM or none), UTF-16 with a BOM (spreadsheets' "Unicode text"), else
 * GB18030, which decodes the GBK that Baidu Tongji's downloads and Chinese Excel write.
 */
export function decodeExport(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/** An export file's page rows, in the layout its header names. */
export function readAnalyticsExport(bytes: Buffer, file: string): ReadExport {
  const text = decodeExport(bytes);
  const delimiter = delimiterFor(file, text);
  const read = csvRecords(text, file, delimiter);
  if ("problem" in read)
    return { layout: "unknown", label: "a file that is not CSV", rows: [], problems: [read.problem] };
  const records = read.records;
  for (let r = 0; r < Math.min(records.length, PREAMBLE_LIMIT); r++) {
    const header = records[r]!.record.map((c) => c.trim());
    const layout = LAYOUTS.find((l) => l.matches(header));
    if (!layout) continue;
    const refused = layout.refuse?.(header);
    const { rows, problems } = refused
      ? { rows: [], problems: [headerProblem(file, records[r]!, refused)] }
      : layoutRows(layout, header, records.slice(r + 1), file);
    return { layout: layout.name, label: layout.label, ...(layout.note ? { note: layout.note } : {}), rows, problems };
  }
  const generic = parseAnalyticsCsv(text, file, delimiter);
  const first = records[0]?.record ?? [];
  if (generic.rows.length > 0 || generic.problems.length > 0 || first.some((c) => COUNT_HEADER.test(c)))
    return { layout: "generic", label: GENERIC_LABEL, ...generic };
  return { layout: "unknown", label: "an unknown layout", rows: [], problems: [unknownLayout(file, records[0])] };
}

function headerProblem(file: string, header: CsvRecord, expected: string): Problem {
  return {
    file,
    line: header.line,
    column: 0,
    field: "header",
    found: describeValue(header.record.join(",")),
    expected,
  };
}

/** Not a layout Wenku knows: the header found, and the layouts it reads. */
function unknownLayout(file: string, first: CsvRecord | undefined): Problem {
  return {
    file,
    line: first?.line ?? 0,
    column: 0,
    field: "header",
    found: first ? `the header ${describeValue(first.record.join(","))}` : "an empty file",
    expected: `one of: ${[...LAYOUTS.map((l) => l.label), GENERIC_LABEL].join("; ")}`,
  };
}

/** The rows under a layout's header: counts read per page, or views counted per page. */
function layoutRows(
  layout: ExportLayout,
  header: readonly string[],
  records: readonly CsvRecord[],
  file: string,
): { rows: ExportRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byPath = new Map<string, ExportRow>();
  const pathColumn = layout.path(header);
  const countColumn = layout.count?.(header) ?? -1;
  const index = new Map(header.map((h, i) => [h, i]));
  for (const { record, line } of records) {
    const path = pathOf(record[pathColumn]?.trim() ?? "");
    if (path === null) continue; // a total ("总计"), an event's name, an empty row
    let count = 1;
    if (layout.isView) {
      if (!layout.isView((name) => record[index.get(name) ?? -1]?.trim() ?? "")) continue;
    } else {
      const field = `"${header[countColumn]}" (column ${countColumn + 1})`;
      const parsed = cellCount(record[countColumn], { file, line, field }, problems);
      if (parsed === null) continue;
      count = parsed;
    }
    const row = byPath.get(path);
    if (row) row.count += count;
    else byPath.set(path, { path, count, line });
  }
  return { rows: [...byPath.values()], problems };
}
