// fault autostart on makes `virsh net-autostart` fail with a real libvirt error; off lets it
// work again. Uses a throw-away network so the baseline stays untouched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fault, labVirsh } from "@/lab";

const NET = "sy-lab-fault-test";
const XML = `<network><name>${NET}</name><ip address='10.78.0.1' netmask='255.255.255.0'/></network>`;

beforeAll(async () => {
  await labVirsh("hv-a", ["net-undefine", NET]); // leftover of an interrupted run, if any
  const def = await labVirsh("hv-a", ["net-define", "/dev/stdin"], { stdin: XML });
  expect(def.code, def.stderr).toBe(0);
});

afterAll(async () => {
  await fault("hv-a", "autostart", false);
  await labVirsh("hv-a", ["net-undefine", NET]);
});

describe("fault autostart", () => {
  it("on: net-autostart fails; off: it succeeds and sticks", async () => {
    await fault("hv-a", "autostart", true);
    const refused = await labVirsh("hv-a", ["net-autostart", NET]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/error/i);
    const info = await labVirsh("hv-a", ["net-info", NET]);
    expect(info.stdout).toMatch(/^Autostart:\s+no$/m);

    await fault("hv-a", "autostart", false);
    const ok = await labVirsh("hv-a", ["net-autostart", NET]);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await labVirsh("hv-a", ["net-info", NET])).stdout).toMatch(/^Autostart:\s+yes$/m);
  });

  it("only affects the host it is set on", async () => {
    await fault("hv-a", "autostart", true);
    try {
      const other = "sy-lab-fault-other";
      await labVirsh("hv-b", ["net-undefine", other]);
      const def = await labVirsh("hv-b", ["net-define", "/dev/stdin"], {
        stdin: `<network><name>${other}</name><ip address='10.79.0.1' netmask='255.255.255.0'/></network>`,
      });
      expect(def.code, def.stderr).toBe(0);
      const res = await labVirsh("hv-b", ["net-autostart", other]);
      await labVirsh("hv-b", ["net-undefine", other]);
      expect(res.code, res.stderr).toBe(0);
    } finally {
      await fault("hv-a", "autostart", false);
    }
  });
});
