// A child process for tests/import-safety.test.ts: runs the import core on items read from a JSON file
// and, at the chosen step of writing, says so on stdout and waits — for the test to kill it with SIGKILL.
//   tsx tests/helpers/import-child.ts CONTENT SOURCE ITEMS.json STEP[:N]
import { readFileSync } from "node:fs";
import type { WriteStep } from "../../src/import/apply.ts";
import { importSpecs, type ItemSpec } from "./import-items.ts";

const [content, source, itemsFile, stop] = process.argv.slice(2) as [string, string, string, string];
const [stopStep, stopAt] = [stop.split(":")[0] as WriteStep, Number(stop.split(":")[1] ?? 1)];
const specs = JSON.parse(readFileSync(itemsFile, "utf8")) as ItemSpec[];
let seen = 0;
await importSpecs(specs, content, source, {
  onStep: async (step, file) => {
    if (step !== stopStep || ++seen < stopAt) return;
    process.stdout.write(`stopped at ${step} ${file}\n`);
    // Held here until killed; the timer keeps the process alive.
    await new Promise(() => setInterval(() => {}, 1000));
  },
});
process.stdout.write("finished\n");
