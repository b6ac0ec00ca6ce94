// What every command-line script shares: reading its options (a usage line and exit code 2 on a
// mistake) and stopping with a message.
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

/** Prints `message` on stderr and exits with `code` (1: failed, 2: used wrongly). */
export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/** `parseArgs(config)`, or a "wenku NAME: …" message with the usage line and exit code 2. */
export function parseCommand<T extends ParseArgsConfig>(
  name: string,
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    fail(`wenku ${name}: ${(error as Error).message}\n${usage}`, 2);
  }
}

/** Resolves a path the user typed, against the folder `npm run` was started from (npm sets INIT_CWD). */
export function userPath(p: string): string {
  return path.resolve(startedIn(), p);
}

/** The folder the command was started from: npm runs scripts in the project, and says where it was run in INIT_CWD. */
export function startedIn(): string {
  return process.env.INIT_CWD ?? process.cwd();
}
