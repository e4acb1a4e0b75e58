import { describe, expect, it } from "vitest";
import { rekey, restoreKey } from "@/lab";
import { addHost, readHostStatus, repinHostKey } from "@/lib/hosts";
import { HOST_STATUS_POLICY } from "@/lib/hosts/shared-checks";
import { transportStats } from "@/lib/ssh";
import { admin, labFingerprint, labForm, useThrowawayStore } from "./support";

// A host's status is reused for a moment (one check for many viewers): a key
// changed behind Switchyard's back shows once that answer is no longer fresh.
const outlastFreshStatus = () => new Promise((r) => setTimeout(r, HOST_STATUS_POLICY.freshMs + 100));

describe("a changed host key", () => {
  useThrowawayStore();

  it("stops everything on the host until an admin re-pins, and the re-pin checks the key again", async () => {
    const original = labFingerprint("hv-a");
    const added = await addHost(admin, { form: labForm("hv-a", "root-key"), keyType: "ssh-ed25519", fingerprint: original });
    if (!added.ok) throw new Error(added.message);
    const hostId = added.data.id;
    expect((await readHostStatus(hostId))?.state).toBe("connected"); // a pooled connection is open now
    try {
      const connectsBefore = transportStats(hostId)!.connects;
      const rekeyed = await rekey("hv-a");
      await outlastFreshStatus();
      const changed = await readHostStatus(hostId);
      expect(changed).toMatchObject({ state: "host-key-changed", pinnedFingerprint: original, offeredKey: { fingerprint: rekeyed } });
      expect((await readHostStatus(hostId))?.state).toBe("host-key-changed");
      // The pooled connection from before the change is gone, and no new login was made.
      // (The shared lab's sshd log has other suites' logins; the browser test reads it by key.)
      expect(transportStats(hostId)?.connected ?? false).toBe(false);
      expect(transportStats(hostId)?.connects ?? connectsBefore).toBe(connectsBefore);

      // A fingerprint other than the one offered now is refused.
      expect(await repinHostKey(admin, hostId, original)).toMatchObject({ ok: false, code: "host-key-mismatch" });
      expect(await repinHostKey(admin, hostId, rekeyed)).toEqual({ ok: true, data: { fingerprint: rekeyed } });
      expect((await readHostStatus(hostId))?.state).toBe("connected");

      await restoreKey("hv-a");
      await outlastFreshStatus();
      expect((await readHostStatus(hostId))?.state).toBe("host-key-changed");
      expect(await repinHostKey(admin, hostId, original)).toMatchObject({ ok: true });
      expect((await readHostStatus(hostId))?.state).toBe("connected");
    } finally {
      await restoreKey("hv-a");
    }
  });
});
