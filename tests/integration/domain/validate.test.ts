// Each mode's built XML passes libvirt's own schema check on a lab host
// (`net-define --validate`), and what libvirt stores parses back to the spec
// we built (plus what libvirt fills in: uuid, bridge, mac). Networks are named
// sy-model-*, use 10.210.0.0/16, and are undefined afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { labExec, labVirsh } from "@/lab";
import {
  buildNetworkXml, defaultWizardValues, EMPTY_FACTS, parseNetworkXml, wizardToSpec, type NetworkSpec, type WizardValues,
} from "@/lib/domain/network";
import { specsFor } from "../../unit/domain/specs";

const HOST = "hv-a";
const PREFIX = "sy-model-";

async function virsh(args: string[]) {
  return labVirsh(HOST, args, { timeoutMs: 30_000 });
}

/**
 * `net-define --validate /dev/stdin` with XML on stdin. Node hands a child a
 * socket as stdin, which virsh cannot open as /dev/stdin, so `cat` turns it
 * into a pipe first. The script is a constant: the XML only travels on stdin.
 */
async function defineFromStdin(xml: string) {
  return labExec(HOST, ["sh", "-c", "cat | virsh -c qemu:///system net-define --validate /dev/stdin"], { stdin: xml, timeoutMs: 30_000 });
}

/** Removes every sy-model-* network, active or not (also leftovers of an interrupted run). */
async function sweep() {
  const list = await virsh(["net-list", "--all", "--name"]);
  for (const name of list.stdout.split("\n").map((s) => s.trim()).filter((s) => s.startsWith(PREFIX))) {
    await virsh(["net-destroy", name]);
    await virsh(["net-undefine", name]);
  }
}

/** define --validate, read back --inactive, undefine. */
async function defineAndRead(spec: NetworkSpec) {
  const xml = buildNetworkXml(spec);
  const define = await defineFromStdin(xml);
  try {
    expect(define.stderr.trim(), xml).toBe("");
    expect(define.stdout).toContain(`Network ${spec.name} defined`);
    expect(define.code).toBe(0);
    const dump = await virsh(["net-dumpxml", "--inactive", spec.name]);
    expect(dump.code).toBe(0);
    return parseNetworkXml(dump.stdout);
  } finally {
    await virsh(["net-undefine", spec.name]);
  }
}

/** libvirt fills these in when they are absent; everything else must come back as built. */
function withoutLibvirtAdditions(spec: NetworkSpec, mine: NetworkSpec): NetworkSpec {
  const out = { ...spec } as Record<string, unknown>;
  if (!("uuid" in mine)) delete out.uuid;
  if (!("mac" in mine)) delete out.mac;
  if (!("bridge" in mine)) delete out.bridge;
  return out as NetworkSpec;
}

beforeAll(sweep);
afterAll(sweep);

describe("net-define --validate accepts every mode", () => {
  const specs = specsFor(PREFIX, 31);
  it.each(Object.entries(specs))("%s", async (_, spec) => {
    const back = await defineAndRead(spec);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.unmodeled).toEqual([]);
    expect(withoutLibvirtAdditions(back.spec, spec)).toEqual(spec);
  });
});

describe("the wizard's output, mode by mode", () => {
  const base = defaultWizardValues(EMPTY_FACTS, (n) => new Uint8Array(n).fill(0x21));
  const variants: [string, Partial<WizardValues>][] = [
    ["isolated", { forward: { kind: "isolated", destination: "", mode: "nat" } }],
    ["nat", { forward: { kind: "forward", destination: "eth0", mode: "nat" } }],
    ["route", { forward: { kind: "forward", destination: "", mode: "route" } }],
    ["open", { forward: { kind: "forward", destination: "", mode: "open" } }],
  ];
  it.each(variants)("%s", async (mode, over) => {
    const v: WizardValues = {
      ...base,
      ...over,
      name: `${PREFIX}wiz-${mode}`,
      domain: "",
      ipv4: { ...base.ipv4, network: "10.210.40.0/24", dhcpStart: "10.210.40.128", dhcpEnd: "10.210.40.254", routeEnabled: true, routeNetwork: "10.210.41.0/24", routeGateway: "10.210.40.2" },
      ipv6: { ...base.ipv6, enabled: true },
    };
    const spec = wizardToSpec(v, { uuid: "5d6f1e2a-7b8c-4d9e-8f00-1a2b3c4d5e6f" });
    const back = await defineAndRead(spec);
    expect(back).toMatchObject({ ok: true, unmodeled: [] });
    if (back.ok) expect(withoutLibvirtAdditions(back.spec, spec)).toEqual(spec);
  });
});

describe("what libvirt refuses by itself, and what it lets through (why the model checks)", () => {
  it("refuses a DHCP range of more than 65,535 addresses", async () => {
    const spec: NetworkSpec = { name: `${PREFIX}big`, mode: "isolated", ipv4: { address: "10.210.0.1", prefix: 16, routes: [], dhcp: { ranges: [{ start: "10.210.0.2", end: "10.210.255.254" }], hosts: [] } } };
    // 10.210.0.2–10.210.255.254 is 65,533 addresses: accepted
    expect((await defineAndRead(spec)).ok).toBe(true);
    const wide: NetworkSpec = { ...spec, ipv4: { address: "10.208.0.1", prefix: 14, routes: [], dhcp: { ranges: [{ start: "10.208.0.2", end: "10.209.0.2" }], hosts: [] } } };
    const r = await defineFromStdin(buildNetworkXml(wide));
    await virsh(["net-undefine", wide.name]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/too large/);
  });

  it("accepts a static host outside the subnet (so the model refuses it)", async () => {
    const spec: NetworkSpec = { name: `${PREFIX}outside`, mode: "isolated", ipv4: { address: "10.210.50.1", prefix: 24, routes: [], dhcp: { ranges: [], hosts: [{ mac: "52:54:00:00:50:01", ip: "10.99.0.5" }] } } };
    expect((await defineAndRead(spec)).ok).toBe(true);
  });
});
