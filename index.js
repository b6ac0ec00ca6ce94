// The package entry for `import { build } from "wenku"`. Wenku is written in TypeScript and Node 20
// runs no .ts by itself, so this loads src/index.ts through tsx's scoped loader (tsImport): only
// Wenku's own modules are compiled, and the importing project's module loading is left alone.
import { tsImport } from "tsx/esm/api";

const wenku = await tsImport("./src/index.ts", import.meta.url);

// Every value src/index.ts exports, by name (tests/api-package.test.ts holds the two lists equal).
export const {
  build,
  check,
  serve,
  importSite,
  updateViews,
  ViewsCountError,
  submit,
  bench,
  mainHeapFor,
  ContentError,
  WenkuError,
  formatProblem,
} = wenku;
