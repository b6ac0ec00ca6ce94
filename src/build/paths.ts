// Where a build reads and writes. The output folder is deleted and replaced on every build, so it may
// never be the content folder, lie inside it, contain it, or be the project itself.
import path from "node:path";

/** A reason the output folder is refused, or null when it is safe. All paths absolute. */
export function refuseOutput(output: string, content: string, project: string): string | null {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  if (inside(output, content)) return `the output folder ${output} is the content folder or inside it`;
  if (inside(content, output)) return `the output folder ${output} contains the content folder`;
  if (inside(project, output)) return `the output folder ${output} is the project folder or contains it`;
  if (output === path.parse(output).root) return `the output folder ${output} is a file-system root`;
  return null;
}

/** Resolves a path the user typed, against the folder `npm run` was started from. */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}
