// Builds a content folder into a fresh temporary folder and reads the result: through the library call
// build() in this process (so the test's frozen clock reaches the code), or — for tests of the command
// line itself, or of a build under another TZ or locale — `tsx scripts/build.ts` in a child process.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { performance } from "node:perf_hooks";
import { load, type CheerioAPI } from "cheerio";
import { build as buildSite, type BuildOptions, type BuildResult as SiteBuild } from "../../src/index.ts";
import { failureLines, redirectsLine, seoLines, summaryLine, warningLines } from "../../src/cli/build-lines.ts";

export const PROJECT = path.resolve(import.meta.dirname, "../..");
export const fixture = (name: string) => path.join(PROJECT, "tests/fixtures", name);

export interface BuildResult {
  output: string;
  code: number;
  stdout: string;
  stderr: string;
  /** build()'s result, when it ran in-process and succeeded. */
  result?: SiteBuild;
  /** What build() threw, when it ran in-process and failed. */
  error?: unknown;
}

/**
 * Builds; never throws on a failed build (the result carries the exit code and the lines the command
 * line prints). In-process through build() unless `env` is given or an argument is not one of the
 * build's options (then the command line, which must refuse it).
 */
export async function build(
  content: string,
  options: { output?: string; args?: string[]; env?: NodeJS.ProcessEnv; cli?: boolean } = {},
): Promise<BuildResult> {
  const output = options.output ?? path.join(mkdtempSync(path.join(tmpdir(), "wenku-test-")), "site");
  const api = !options.env && !options.cli ? apiOptions(options.args ?? []) : null;
  if (api) return buildInProcess(content, output, api);
  const tsx = path.join(PROJECT, "node_modules/.bin/tsx");
  try {
    const { stdout, stderr } = await promisify(execFile)(
      tsx,
      ["scripts/build.ts", "--content", content, "--output", output, ...(options.args ?? [])],
      {
        cwd: PROJECT,
        env: { ...process.env, INIT_CWD: PROJECT, ...options.env },
      },
    );
    return { output, code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { output, code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** The build's command-line arguments as build() options, or null when one is not a build option. */
function apiOptions(args: readonly string[]): (Partial<BuildOptions> & { quiet: boolean }) | null {
  const options: Partial<BuildOptions> & { quiet: boolean } = { quiet: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--force") options.force = true;
    else if (arg === "--no-search") options.search = false;
    else if (arg === "--quiet") options.quiet = true;
    else if (arg === "--path-prefix" && i + 1 < args.length) options.pathPrefix = args[++i]!;
    else if (arg === "--seo" && i + 1 < args.length) options.seo = args[++i]!;
    else if (arg === "--cache" && i + 1 < args.length) options.cache = args[++i]!;
    else if (arg === "--no-cache") delete options.cache;
    else if (arg === "--workers" && /^\d+$/.test(args[i + 1] ?? "")) options.workers = Number(args[++i]);
    else return null;
  }
  return options;
}

async function buildInProcess(
  content: string,
  output: string,
  options: Partial<BuildOptions> & { quiet: boolean },
): Promise<BuildResult> {
  const started = performance.now();
  const { quiet, ...rest } = options;
  // What scripts/build.ts prints to stderr, in the same order: recovery lines first, then warnings or the failure.
  const recovered: string[] = [];
  const stderr = (lines: readonly string[]) => [...recovered, ...lines].map((line) => `${line}\n`).join("");
  try {
    const result = await buildSite({
      ...rest,
      content,
      output,
      cwd: PROJECT,
      onRecovered: (line) => recovered.push(`wenku: ${line}`),
    });
    const lines = [
      summaryLine(result, PROJECT, performance.now() - started),
      redirectsLine(result),
      ...seoLines(result, PROJECT),
    ];
    const stdout = quiet ? "" : lines.map((line) => (line ? `${line}\n` : "")).join("");
    return { output, code: 0, stdout, stderr: stderr(warningLines(result)), result };
  } catch (error) {
    return { output, code: 1, stdout: "", stderr: stderr(failureLines(error, PROJECT)), error };
  }
}

/** Parsed HTML of the page at a site path ("/research/" or "/a/b.html"), prefix already removed. */
export function page(output: string, sitePath: string): CheerioAPI {
  return load(readFileSync(fileFor(output, sitePath), "utf8"));
}

export function fileFor(output: string, sitePath: string): string {
  const rel = decodeURIComponent(sitePath).replace(/^\/+/, "");
  return path.join(output, rel === "" || rel.endsWith("/") ? `${rel}index.html` : rel);
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Every internal link (href/src starting with `prefix`, or a same-page "#fragment") in every HTML file
 * that does not resolve to a file in the output, or whose #fragment names no element on the target page.
 */
export function brokenLinks(output: string, prefix = "/"): string[] {
  const broken: string[] = [];
  const pages = new Map<string, CheerioAPI>();
  const idSets = new Map<string, Set<string>>();
  const parsed = (file: string) => pages.get(file) ?? pages.set(file, load(readFileSync(file, "utf8"))).get(file)!;
  /** The ids of a page, collected once per page however many links point into it. */
  const idsOf = (file: string) => {
    let ids = idSets.get(file);
    if (!ids) {
      const $ = parsed(file);
      idSets.set(
        file,
        (ids = new Set(
          $("[id]")
            .map((_, el) => $(el).attr("id")!)
            .get(),
        )),
      );
    }
    return ids;
  };
  /** "" when the page has an element with the fragment's id (an empty fragment is the page's top). */
  const fragmentProblem = (file: string, fragment: string | undefined) => {
    if (!fragment) return "";
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      return ` (#${fragment} is not percent-encoded text)`;
    }
    return idsOf(file).has(id) ? "" : ` (no #${id})`;
  };
  for (const rel of listFiles(output).filter((f) => f.endsWith(".html"))) {
    const self = path.join(output, rel);
    const $ = parsed(self);
    $("a[href], link[href], img[src], script[src], form[action]").each((_, el) => {
      const target = $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action")!;
      if (target.startsWith("#")) {
        const problem = fragmentProblem(self, target.slice(1));
        if (problem) broken.push(`${rel}: ${target}${problem}`);
        return;
      }
      if (!target.startsWith("/") || target.startsWith("//")) return;
      if (!target.startsWith(prefix)) return void broken.push(`${rel}: ${target} (outside the path prefix ${prefix})`);
      const [pathPart, fragment] = target.slice(prefix.length - 1).split("#") as [string, string | undefined];
      const file = fileFor(output, pathPart.split("?")[0]!);
      if (!existsSync(file)) return void broken.push(`${rel}: ${target}`);
      const problem = file.endsWith(".html") ? fragmentProblem(file, fragment) : "";
      if (problem) broken.push(`${rel}: ${target}${problem}`);
    });
  }
  return broken;
}
