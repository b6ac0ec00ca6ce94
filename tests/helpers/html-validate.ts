// Built pages checked by html-validate under the project's own rules (.htmlvalidate.json): one line per
// message, "page:line:column rule message", so a failing test names every problem at once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { fileFor, PROJECT } from "./build.ts";

let validator: HtmlValidate | undefined;

async function validate(pages: ReadonlyArray<[label: string, file: string]>): Promise<string[]> {
  validator ??= new HtmlValidate(JSON.parse(readFileSync(path.join(PROJECT, ".htmlvalidate.json"), "utf8")));
  const errors: string[] = [];
  for (const [label, file] of pages) {
    const report = await validator.validateString(readFileSync(file, "utf8"), label);
    for (const r of report.results)
      for (const m of r.messages) errors.push(`${label}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return errors;
}

/** Every html-validate message on the HTML files `files` (paths relative to `output`). */
export function htmlErrorsInFiles(output: string, files: readonly string[]): Promise<string[]> {
  return validate(files.map((f) => [f, path.join(output, f)]));
}

/** Every html-validate message on the pages at `sitePaths` ("/", "/tags/", …) of the site in `output`. */
export function htmlErrors(output: string, sitePaths: readonly string[]): Promise<string[]> {
  return validate(sitePaths.map((p) => [p, fileFor(output, p)]));
}
