// Rules are plain functions that return issues with a path relative to what
// they were given. The spec schema and the wizard's form schema call the same
// functions with their own paths, so each rule is written once.
import type { z } from "zod";

export type Path = (string | number)[];
export type Issue = { path: Path; message: string };

export const issue = (path: Path, message: string): Issue => ({ path, message });

export function report(ctx: z.RefinementCtx, issues: Issue[], base: Path = []): void {
  for (const i of issues) ctx.addIssue({ code: "custom", path: [...base, ...i.path], message: i.message });
}

/** "65,535": counts in messages read better with separators. */
export const count = (n: bigint | number) => BigInt(n).toLocaleString("en-US");
