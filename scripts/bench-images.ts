// tsx scripts/bench-images.ts --baseline GIT-REF [--articles 2000] [--images 500] [--runs 5] [--dir DIR]
// What reading image sizes costs a build: a generated archive (src/bench/write-archive.ts) given IMAGES
// small images in media/ and three of them in every article's body, built by this tree and by an
// earlier commit (a git worktree, as `npm run bench --baseline` makes), alternating, each a cold build
// into a fresh folder without search. Then, in this process, the image step alone: the media listing
// and check, and the sizes read cold and again from the cache.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fail, parseCommand } from "../src/cli/command.ts";
import { baselineWorktree } from "../src/bench/worktree.ts";
import { MARKER, writeArchive } from "../src/bench/write-archive.ts";
import { median, minMax } from "../src/bench/stats.ts";
import { ImageSizes } from "../src/files/image-size.ts";
import { readBodies } from "../src/content/body.ts";
import { mediaImages } from "../src/content/images.ts";
import { loadContent } from "../src/site/load-content.ts";
import { checkMediaImages } from "../src/site/media-images.ts";

const PROJECT = path.resolve(import.meta.dirname, "..");
const FIXTURE_MEDIA = path.join(PROJECT, "tests/fixtures/image-sizes/media");
const USAGE =
  "usage: tsx scripts/bench-images.ts --baseline GIT-REF [--articles N] [--images M] [--runs R] [--dir DIR]";

const { values } = parseCommand("bench-images", USAGE, {
  options: {
    baseline: { type: "string" },
    articles: { type: "string", default: "2000" },
    images: { type: "string", default: "500" },
    runs: { type: "string", default: "5" },
    dir: { type: "string" },
  },
});
if (!values.baseline) fail(USAGE, 2);
const [articles, images, runs] = [Number(values.articles), Number(values.images), Number(values.runs)];
const work = path.resolve(values.dir ?? path.join(PROJECT, `.wenku/bench/images-${articles}-${images}`));
const content = path.join(work, "content");

/** The archive, then M images copied from the fixture's and three of them appended to each article. */
async function prepare(): Promise<void> {
  // Made by an earlier run of this script (its media are not the generator's): made again from nothing.
  if (existsSync(path.join(content, MARKER))) rmSync(content, { recursive: true, force: true });
  await writeArchive(articles, "1", content);
  const sources = ["2019/photo.jpg", "chart.png", "anim.gif", "pic.webp", "diagram.svg", "rotated.jpg"];
  const names: string[] = [];
  for (let k = 0; k < images; k++) {
    const from = sources[k % sources.length]!;
    const name = `${2010 + (k % 10)}/img-${k}${path.extname(from)}`;
    mkdirSync(path.join(content, "media", path.dirname(name)), { recursive: true });
    copyFileSync(path.join(FIXTURE_MEDIA, from), path.join(content, "media", name));
    names.push(name);
  }
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith(".md")) files.push(path.join(dir, e.name));
  };
  walk(path.join(content, "articles"));
  files.sort().forEach((file, i) => {
    const picks = [i, i * 7 + 3, i * 13 + 5].map((n) => names[n % names.length]!);
    const added = picks.map((name, j) => `\n\n![圖 ${j + 1}](/media/${name})`).join("");
    writeFileSync(file, readFileSync(file, "utf8").trimEnd() + added + "\n");
  });
}

function buildOnce(root: string): number {
  const output = path.join(tmpdir(), `wenku-bench-images-${path.basename(root)}`);
  rmSync(output, { recursive: true, force: true });
  const started = performance.now();
  const args = ["--max-old-space-size=1024", "--import", "tsx", "scripts/build.ts", "--content", content];
  const r = spawnSync(process.execPath, [...args, "--output", output, "--quiet", "--no-search"], { cwd: root });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`build in ${root} failed:\n${r.stderr}`);
  rmSync(output, { recursive: true, force: true });
  return ms;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const spread = (xs: number[]) => `${fmt(median(xs))} (${fmt(minMax(xs).min)}–${fmt(minMax(xs).max)})`;

await prepare();
const base = baselineWorktree(PROJECT, values.baseline, path.join(work, "baseline"));
try {
  const times = { tree: [] as number[], base: [] as number[] };
  for (let r = 0; r < runs; r++) {
    // Alternating which goes first, so a slow moment of the machine falls on both.
    const order = r % 2 === 0 ? (["tree", "base"] as const) : (["base", "tree"] as const);
    for (const kind of order) times[kind].push(buildOnce(kind === "tree" ? PROJECT : base.root));
  }
  const ratios = times.tree.map((t, i) => t / times.base[i]!);
  console.log(`${articles} articles, ${images} images (3 per article), ${runs} pairs, --no-search`);
  console.log(`this tree: ${spread(times.tree)}`);
  console.log(`${values.baseline}: ${spread(times.base)}`);
  console.log(
    `ratio (paired): ${median(ratios).toFixed(3)} (${minMax(ratios).min.toFixed(3)}–${minMax(ratios).max.toFixed(3)})`,
  );
} finally {
  base.remove();
}

// The image step alone, in this process.
const loaded = await loadContent({ contentDir: content, drafts: false });
const step = async (options: Parameters<typeof checkMediaImages>[1]) => {
  const started = performance.now();
  const result = await checkMediaImages(loaded.images, options);
  return { ms: performance.now() - started, sized: result.sizes.size };
};
const bodies = await readBodies(loaded.articles.map((a) => a.bodyAt));
const parseStarted = performance.now();
loaded.articles.forEach((a, i) => mediaImages(bodies[i]!, a.bodyLine));
const parseMs = performance.now() - parseStarted;
const checkOnly = await step({ contentDir: content });
const cache = new ImageSizes();
const cold = await step({ contentDir: content, sizes: cache });
const warm = await step({ contentDir: content, sizes: cache });
console.log(
  `image step: finding the images in the bodies ${parseMs.toFixed(0)} ms; listing and check ${checkOnly.ms.toFixed(0)} ms; with sizes read cold ${cold.ms.toFixed(0)} ms, from the cache ${warm.ms.toFixed(0)} ms (${cold.sized} articles sized)`,
);
