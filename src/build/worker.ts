// A build worker's entry point, forked by src/build/worker-pool.ts on machines with more than one core.
// It receives its share of the checked site model and its partitions over IPC, renders them into the
// shared staging folder and reports each partition as it finishes. Never run by hand.
import { describeError } from "../content/problems.ts";
import { renderPartitions, type RenderJob } from "./render.ts";

process.once("message", async (job: RenderJob) => {
  try {
    const rendered = await renderPartitions(job, (index, part) =>
      process.send!({ partition: index, files: part.files.length }),
    );
    process.send!({ done: rendered }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: describeError(error) }, () => process.exit(1));
  }
});
