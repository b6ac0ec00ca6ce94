// Makes a file or folder really unchangeable, for tests of what a build says when it cannot write.
// Permission bits do not stop root, so as root the file system's immutable flag is used (chattr +i,
// which needs CAP_LINUX_IMMUTABLE); otherwise the write bits are taken away. Each returns its undo,
// which takes where the target is now when it has been moved since.
import { execFileSync } from "node:child_process";
import { chmodSync, statSync } from "node:fs";

export const asRoot = process.getuid?.() === 0;

/**
 * `target` can no longer be renamed, nor entries added to or removed from it (a folder), nor
 * written (a file). As non-root only the folder case holds: its entries cannot be removed or added.
 */
export function freeze(target: string): (movedTo?: string) => void {
  if (asRoot) {
    try {
      execFileSync("chattr", ["+i", target], { stdio: "pipe" });
    } catch (error) {
      throw new Error(
        `this test runs as root, where only "chattr +i" makes ${target} read-only, and it failed: ${(error as Error).message}`,
      );
    }
    return (at = target) => execFileSync("chattr", ["-i", at]);
  }
  const mode = statSync(target).mode & 0o777;
  chmodSync(target, 0o555);
  return (at = target) => chmodSync(at, mode);
}
