// Runs once when the server starts. First the permissions of the data directory
// and the secret key file (a server that would leak its key does not start: one
// line says how to fix it), then the store is opened (and migrated), so a broken
// database or migration fails loudly at boot rather than on someone's first click.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` may load this file too; the store is never opened while building.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { dataDir } = await import("./lib/db/config");
  const { keyFilePath } = await import("./lib/secrets/key");
  const { exitOnUnsafePermissions } = await import("./lib/secrets/permissions");
  exitOnUnsafePermissions({
    dataDir: dataDir(),
    keyFile: keyFilePath(),
    keyFromEnv: (process.env.SWITCHYARD_SECRET_KEY ?? "").trim() !== "",
  });
  // Before any request: the sign-in limits count the socket's address (lib/auth/socket-address.ts).
  const { installSocketAddressHeader } = await import("./lib/auth/socket-address");
  installSocketAddressHeader();
  const { adminPasswordProblem, ensureFirstAdmin } = await import("./lib/auth/first-admin");
  const weak = adminPasswordProblem();
  if (weak) {
    console.error(weak);
    process.exit(1);
  }
  await ensureFirstAdmin();
}
