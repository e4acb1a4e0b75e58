// Opens (and migrates) the store when the server starts, so a broken database
// or migration fails loudly at boot rather than on someone's first click.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this file too; the store is never opened while building.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { ensureFirstAdmin } = await import("./lib/auth/first-admin");
  await ensureFirstAdmin();
}
