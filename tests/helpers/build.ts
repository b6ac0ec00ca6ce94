// Builds a content folder the way a user does — `tsx scripts/build.ts` in a child process — into a
// fresh temporary folder, and reads the result.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { load, type CheerioAPI } from "cheerio";

export const PROJECT = path.resolve(import.meta.dirname, "../..");
export const fixture = (name: string) => path.join(PROJECT, "tests/fixtures", name);

export interface BuildResult {
  output: string;
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the build CLI; never throws on a failed build (the result carries the exit code). */
export async function build(content: string, options: { output?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<BuildResult> {
  const output = options.output ?? path.join(mkdtempSync(path.join(tmpdir(), "wenku-test-")), "site");
  const tsx = path.join(PROJECT, "node_modules/.bin/tsx");
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ["scripts/build.ts", "--content", content, "--output", output, ...(options.args ?? [])], {
      cwd: PROJECT,
      env: { ...process.env, INIT_CWD: PROJECT, ...options.env },
    });
    return { output, code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { output, code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
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
 * Every internal link (href/src starting with `prefix`) in every HTML file that does not resolve to a
 * file in the output, or whose #fragment names no element on the target page.
 */
export function brokenLinks(output: string, prefix = "/"): string[] {
  const broken: string[] = [];
  const pages = new Map<string, CheerioAPI>();
  const parsed = (file: string) => pages.get(file) ?? pages.set(file, load(readFileSync(file, "utf8"))).get(file)!;
  for (const rel of listFiles(output).filter((f) => f.endsWith(".html"))) {
    const $ = parsed(path.join(output, rel));
    $("a[href], link[href], img[src], script[src], form[action]").each((_, el) => {
      const target = $(el).attr("href") ?? $(el).attr("src") ?? $(el).attr("action")!;
      if (!target.startsWith("/") || target.startsWith("//")) return;
      if (!target.startsWith(prefix)) return void broken.push(`${rel}: ${target} (outside the path prefix ${prefix})`);
      const [pathPart, fragment] = target.slice(prefix.length - 1).split("#") as [string, string | undefined];
      const file = fileFor(output, pathPart);
      if (!existsSync(file)) return void broken.push(`${rel}: ${target}`);
      if (fragment && parsed(file)(`[id="${decodeURIComponent(fragment)}"]`).length === 0) broken.push(`${rel}: ${target} (no #${decodeURIComponent(fragment)})`);
    });
  }
  return broken;
}
