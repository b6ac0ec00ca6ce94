// Wenku as a library: `import { build, check, serve, importSite, updateViews, submit } from "wenku"`. Every
// command line in scripts/ is a thin layer over these calls. Paths are absolute or relative to `cwd` (default process.cwd());
// nothing here changes the working folder, reads WENKU_* variables or prints. Failures are typed:
// ContentError carries every content problem (file, line, column, field, found, expected), WenkuError a
// `code` and a message.
export {
  buildSite as build,
  mainHeapFor,
  type BuildOptions,
  type BuildProgress,
  type BuildResult,
} from "./build/build-site.ts";
export type { SeoSummary } from "./build/seo-files.ts";
export { checkContent as check, type CheckOptions, type CheckResult } from "./build/check-content.ts";
export { serveSite as serve, type ServeOptions, type DevServer } from "./dev/serve.ts";
export { ContentError, WenkuError, formatProblem, type Problem } from "./content/problems.ts";
export { importSite, type ImportSource, type ImportOptions, type ImportResult } from "./import/index.ts";
export type { ImportReport } from "./import/apply.ts";
export {
  updateViews,
  ViewsCountError,
  type UpdateViewsOptions,
  type UpdateViewsResult,
  type ViewsChange,
} from "./import/update-views.ts";
export { submitSite as submit, type SubmitOptions, type SubmitResult } from "./submit/submit.ts";
export type { ServiceRun } from "./submit/run.ts";
export {
  bench,
  type BenchCallbacks,
  type BenchOptions,
  type BenchPart,
  type BenchResult,
  type KindSummary,
  type Machine,
  type NotMeasured,
  type Run,
  type SizeResult,
} from "./bench/bench.ts";
