// rekey gives a host a new key (clients see a different fingerprint); restore-key puts the
// pinned one back. Checked with ssh-keyscan, outside the helper's own wait loop.
import { afterAll, describe, expect, it } from "vitest";
import { labHost, rekey, restoreKey } from "@/lab";
import { scanHostKey, tempDir } from "./ssh-clients";

const tmp = tempDir();
afterAll(async () => {
  // Never leave the lab with a foreign key, whatever happened above.
  await restoreKey("hv-b");
  tmp.cleanup();
});

describe("rekey / restore-key", () => {
  it("rekey changes the fingerprint hv-b offers, restore-key brings the pinned one back", async () => {
    const host = labHost("hv-b");
    expect((await scanHostKey(host, tmp.dir)).fingerprint).toBe(host.hostKeyFingerprint);

    const fresh = await rekey("hv-b");
    expect(fresh).not.toBe(host.hostKeyFingerprint);
    expect((await scanHostKey(host, tmp.dir)).fingerprint).toBe(fresh);
    // hosts.json keeps the pinned fingerprint: the app must now see a mismatch.
    expect(labHost("hv-b").hostKeyFingerprint).toBe(host.hostKeyFingerprint);

    const restored = await restoreKey("hv-b");
    expect(restored).toBe(host.hostKeyFingerprint);
    expect((await scanHostKey(host, tmp.dir)).fingerprint).toBe(host.hostKeyFingerprint);
  });

  it("does not touch the other host's key", async () => {
    const a = labHost("hv-a");
    await rekey("hv-b");
    try {
      expect((await scanHostKey(a, tmp.dir)).fingerprint).toBe(a.hostKeyFingerprint);
    } finally {
      await restoreKey("hv-b");
    }
  });
});
