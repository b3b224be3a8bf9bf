// Another commit of this repository as a plain directory, to run its code beside today's.
// `git archive` rather than `git worktree`: it only reads the repository, so neither the
// main checkout nor its .git learns of the copy, and a killed bench leaves nothing to prune
// there.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const REPO_ROOT = resolve(import.meta.dirname, "..");

export interface ExtractedTree {
  dir: string;
  /** The full commit the ref named when extracted. */
  commit: string;
  remove(): void;
}

/**
 * The committed files of `ref` in a temporary directory, with this checkout's node_modules
 * linked in: the same installed packages (wrangler, hono, zod) run both trees, so only the
 * repository's own code differs.
 */
export function extractTree(ref: string): ExtractedTree {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  const commit = git("rev-parse", "--verify", `${ref}^{commit}`);
  const dir = mkdtempSync(join(tmpdir(), "spine-reg-tree-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const tar = join(dir, "tree.tar");
    git("archive", "--format=tar", `--output=${tar}`, commit);
    execFileSync("tar", ["-xf", tar, "-C", dir]);
    rmSync(tar);
    symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, commit, remove };
}
