import { afterAll, describe, expect, it } from "vitest";
import { labVirsh } from "@/lab";
import { usePage } from "../support/browser";
import { ready } from "../networks/support";
import { finishAndLand, netInfo, readReview, removeNetwork, walkWizard } from "./support";

// The seed's example, end to end: "isolated", IPv4 on, IPv6 off, Isolated,
// DNS domain blank. libvirt's own dump then has no <forward> and no <domain>.
const HOST = "hv-b";
const NAME = "isolated";

afterAll(() => removeNetwork(HOST, NAME));

describe("the seed's isolated example", () => {
  const t = usePage();

  it("creates 'isolated' with no <forward>, active and started at boot", async () => {
    await removeNetwork(HOST, NAME);
    await ready(t.page);
    await walkWizard(t.page, HOST, { name: NAME, network: "10.250.5.0/24", kind: "isolated", domain: "" });
    const { xml } = await readReview(t.page);
    expect(xml).not.toContain("<forward");
    expect(xml).not.toContain("<domain");
    await finishAndLand(t.page, HOST, NAME);
    const dump = await labVirsh(HOST, ["net-dumpxml", "--", NAME]);
    expect(dump.code).toBe(0);
    expect(dump.stdout).not.toContain("<forward");
    expect(dump.stdout).not.toContain("<domain");
    expect(dump.stdout).toContain("<ip address='10.250.5.1' prefix='24'>");
    expect(dump.stdout).not.toContain("family='ipv6'");
    const info = await netInfo(HOST, NAME);
    expect([info.Active, info.Autostart]).toEqual(["yes", "yes"]);
  });
});
