import { loadSite } from "../src/site/load-site.ts";
const t = performance.now();
await loadSite({ contentDir: "/tmp/bench/n10000", drafts: false });
console.log("load ms", Math.round(performance.now() - t));
