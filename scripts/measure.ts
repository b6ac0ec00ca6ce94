// node --import tsx scripts/measure.ts CMD [ARGS…]
// Runs one command and prints its wall time and the peak RSS summed over its whole process tree
// (npm, workers and all), as the benchmark measures them.
import { measure } from "../src/bench/measure.ts";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node --import tsx scripts/measure.ts CMD [ARGS…]");
  process.exit(2);
}
const r = await measure(command, args, 3_600_000);
process.stderr.write(r.stderr);
console.log(
  `wall ${(r.wallMs / 1000).toFixed(2)} s · peak tree RSS ${(r.peakRssBytes / 1048576).toFixed(0)} MiB · exit ${r.code ?? r.signal}`,
);
process.exit(r.code ?? 1);
