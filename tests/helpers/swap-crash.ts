// A child process for tests/killed-swap.test.ts: swaps a finished folder of `FILES` files, each
// holding LABEL, into OUTPUT — or recovers OUTPUT — and SIGKILLs itself right after step STEP
// ("none": runs to the end; "hold": holds the journal for half a second, so others must wait).
// Usage: node --import tsx swap-crash.ts swap|recover OUTPUT LABEL STEP
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareStaging, recoverOutput, swapIn, type SwapStep } from "../../src/files/atomic-output.ts";

export const FILES = 20;
const [mode, output, label, stop] = process.argv.slice(2) as ["swap" | "recover", string, string, string];
const afterStep = async (step: SwapStep) => {
  if (step === stop) process.kill(process.pid, "SIGKILL");
  if (stop === "hold" && step === "journal-written") await new Promise((r) => setTimeout(r, 500));
};

if (mode === "swap") {
  const staging = await prepareStaging(output, () => {});
  for (let i = 0; i < FILES; i++) {
    mkdirSync(path.join(staging, `d${i % 4}`), { recursive: true });
    writeFileSync(path.join(staging, `d${i % 4}`, `${i}.html`), label);
  }
  const { warning } = await swapIn(staging, output, { afterStep });
  if (warning) console.error(warning);
} else {
  await recoverOutput(output, { afterStep });
}
