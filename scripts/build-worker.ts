// A build worker, forked by scripts/build.ts on machines with more than one core. It receives the
// validated site model and its partitions over IPC, renders them into the shared staging folder and
// reports each partition as it finishes. Never run by hand.
import type { RenderJob } from "../src/build/render.ts";
import { renderPartitions, setSiteEnvironment } from "../src/build/render.ts";
import { describeError } from "../src/cli/report.ts";
import { primeSite, type SiteOptions } from "../src/site/load-site.ts";
import type { SiteModel } from "../src/site/model.ts";

interface Start extends RenderJob {
  site: SiteOptions;
  model: SiteModel;
}

process.once("message", async (message: Start) => {
  try {
    // The model arrives with the job; the environment makes .eleventy.ts ask for exactly that model.
    setSiteEnvironment(message.site);
    primeSite(message.site, message.model);
    const rendered = await renderPartitions(message, (index, part) => process.send!({ partition: index, files: part.files.length }));
    if (process.env.WENKU_DEBUG) console.error(JSON.stringify(rendered.files));
    process.send!({ done: rendered }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: describeError(error) }, () => process.exit(1));
  }
});
