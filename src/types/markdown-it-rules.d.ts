// markdown-it ships its inline rules as modules without declarations; the image rule is wrapped by
// src/content/images.ts to learn where each image starts in its source.
declare module "markdown-it/lib/rules_inline/image.mjs" {
  import type StateInline from "markdown-it/lib/rules_inline/state_inline.mjs";
  export default function image(state: StateInline, silent: boolean): boolean;
}
