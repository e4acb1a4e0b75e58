import { describe, expect, it } from "vitest";
import type { Layer3Network } from "@/lib/domain/network";
import { applySettings, parseForwarders } from "@/lib/domain/network/dns-input";

const spec: Layer3Network = { mode: "nat", name: "n", domain: { name: "old", localOnly: true }, dns: { forwarders: [], hosts: [{ ip: "10.252.4.5", hostnames: ["a"] }] }, ipv4: { address: "10.252.4.1", prefix: 24, routes: [] } };

describe("DNS settings form", () => {
  it("reads forwarders as ADDRESS, DOMAIN or DOMAIN ADDRESS lines", () => {
    expect(parseForwarders("10.0.0.53\n\nlab.example 10.0.0.54\ninternal\n")).toEqual([{ addr: "10.0.0.53" }, { domain: "lab.example", addr: "10.0.0.54" }, { domain: "internal" }]);
  });
  it("keeps host records and domain attributes, replaces name and forwarders", () => {
    const r = applySettings(spec, { domain: "new.example", forwarders: "10.0.0.53" });
    expect(r.ok && r.next.domain).toEqual({ name: "new.example", localOnly: true });
    expect(r.ok && r.next.dns).toEqual({ forwarders: [{ addr: "10.0.0.53" }], hosts: spec.dns!.hosts });
  });
  it("drops the domain when blank and refuses bad input per field", () => {
    const r = applySettings(spec, { domain: "", forwarders: "" });
    expect(r.ok && r.next.domain).toBeUndefined();
    const bad = applySettings(spec, { domain: "bad domain!", forwarders: "lab.example not-an-ip" });
    expect(!bad.ok && Object.keys(bad.fieldErrors).sort()).toEqual(["domain", "forwarders"]);
  });
});
