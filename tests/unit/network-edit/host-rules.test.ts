import { describe, expect, it } from "vitest";
import type { Layer3Network } from "@/lib/domain/network";
import { findStaticHost, hostFieldErrors, toDhcpHost } from "@/lib/domain/network/dhcp-input";

// The DHCP tab's checks come from the model's rules; these are the refusals
// the browser test expects as field errors.

const spec: Layer3Network = {
  mode: "nat",
  name: "sy-dhcp-unit",
  ipv4: { address: "10.252.3.1", prefix: 24, routes: [], dhcp: { ranges: [{ start: "10.252.3.100", end: "10.252.3.200" }], hosts: [{ mac: "52:54:00:00:00:01", ip: "10.252.3.10" }] } },
};

describe("static host field errors", () => {
  it("accepts a good host", () => {
    expect(hostFieldErrors([spec], toDhcpHost({ mac: "52:54:00:00:00:02", ip: "10.252.3.11", name: "web" }))).toEqual({});
  });
  it("refuses an IP outside the subnet", () => {
    expect(hostFieldErrors([spec], toDhcpHost({ mac: "52:54:00:00:00:02", ip: "10.99.0.5" })).ip).toMatch(/inside 10\.252\.3\.0\/24/);
  });
  it("refuses a malformed MAC", () => {
    expect(hostFieldErrors([spec], toDhcpHost({ mac: "52:54:00:zz", ip: "10.252.3.12" })).mac).toMatch(/MAC address/);
  });
  it("refuses a duplicate MAC and a duplicate IP", () => {
    expect(hostFieldErrors([spec], toDhcpHost({ mac: "52:54:00:00:00:01", ip: "10.252.3.13" })).mac).toMatch(/already has MAC/);
    expect(hostFieldErrors([spec], toDhcpHost({ mac: "52:54:00:00:00:03", ip: "10.252.3.10" })).ip).toMatch(/already has 10\.252\.3\.10/);
  });
  it("finds the exact record a delete names", () => {
    expect(findStaticHost(spec, "52:54:00:00:00:01", "10.252.3.10")).toEqual({ mac: "52:54:00:00:00:01", ip: "10.252.3.10" });
    expect(findStaticHost(spec, "52:54:00:00:00:09", "10.252.3.10")).toBeUndefined();
  });
});
