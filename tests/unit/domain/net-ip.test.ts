import { describe, expect, it } from "vitest";
import { broadcastAddress, contains, isPrivate, netmaskToPrefix, networkCidr, offsetAddress, overlaps, parseCidr, prefixToNetmask, sizeOf } from "@/lib/domain/net";
import { isDnsLabel, isDnsName, isInterfaceName, isXmlSafe } from "@/lib/domain/net";
import { isMac, isUnicastMac } from "@/lib/domain/net";

const c = (t: string) => parseCidr(t)!;

describe("parseCidr", () => {
  it.each([
    ["192.168.100.0/24", { family: "ipv4", address: "192.168.100.0", prefix: 24 }],
    ["fd00::/64", { family: "ipv6", address: "fd00::", prefix: 64 }],
    ["10.1/8", null], // ipaddr.js would take "10.1"; an operator never means it
    ["0x7f.0.0.1/8", null],
    ["192.168.1.0/33", null],
    ["192.168.1.0/", null],
    ["192.168.1.0/-1", null],
    ["fe80::1%eth0/64", null],
    ["192.168.1.0", null],
  ])("%s", (text, want) => expect(parseCidr(text)).toEqual(want));

  it("reads a bare address as a host route when asked", () => {
    expect(parseCidr("10.0.0.5", { bareIsHost: true })).toEqual({ family: "ipv4", address: "10.0.0.5", prefix: 32 });
  });
});

describe("arithmetic", () => {
  it.each([
    ["192.168.100.7/24", "192.168.100.0/24", "192.168.100.255", 256n],
    ["10.0.0.0/8", "10.0.0.0/8", "10.255.255.255", 16777216n],
    ["fd12:3456:789a:1::5/64", "fd12:3456:789a:1::/64", "fd12:3456:789a:1:ffff:ffff:ffff:ffff", 2n ** 64n],
  ])("%s", (text, net, bcast, size) => {
    expect(networkCidr(c(text))).toBe(net);
    expect(broadcastAddress(c(text))).toBe(bcast);
    expect(sizeOf(c(text))).toBe(size);
  });

  it("offsets from the network address", () => {
    expect(offsetAddress(c("192.168.100.0/24"), 128)).toBe("192.168.100.128");
    expect(offsetAddress(c("fd00::/64"), 511)).toBe("fd00::1ff");
  });

  it.each([
    ["10.0.0.0/16", "10.0.5.0/24", true],
    ["10.0.5.0/24", "10.0.0.0/16", true],
    ["10.0.0.0/24", "10.0.1.0/24", false],
    ["10.0.0.0/24", "fd00::/64", false],
  ])("overlaps(%s, %s) = %s", (a, b, want) => expect(overlaps(c(a), c(b))).toBe(want));

  it("contains only its own family", () => {
    expect(contains(c("10.0.0.0/8"), "10.2.3.4")).toBe(true);
    expect(contains(c("10.0.0.0/8"), "11.0.0.1")).toBe(false);
    expect(contains(c("10.0.0.0/8"), "::ffff:10.0.0.1")).toBe(false);
  });

  it("converts netmasks", () => {
    expect(prefixToNetmask(24)).toBe("255.255.255.0");
    expect(netmaskToPrefix("255.255.240.0")).toBe(20);
    expect(netmaskToPrefix("255.0.255.0")).toBeNull();
  });

  it.each([
    ["192.168.0.0/16", true],
    ["172.16.0.0/12", true],
    ["172.0.0.0/8", false],
    ["8.8.8.0/24", false],
    ["fd00::/64", true],
    ["2001:db8::/64", false],
  ])("isPrivate(%s) = %s", (t, want) => expect(isPrivate(c(t))).toBe(want));
});

describe("names and MACs", () => {
  it.each([
    ["52:54:00:ab:cd:ef", true, true],
    ["52:54:00:AB:CD:EF", true, true],
    ["01:00:5e:00:00:01", true, false],
    ["52-54-00-ab-cd-ef", false, false],
    ["52:54:00:ab:cd", false, false],
  ])("mac %s", (m, valid, unicast) => {
    expect(isMac(m)).toBe(valid);
    expect(isUnicastMac(m)).toBe(unicast);
  });

  it.each([
    ["lab", true], ["a-b", true], ["-a", false], ["a-", false], ["a_b", false], ["x".repeat(63), true], ["x".repeat(64), false],
  ])("label %s", (l, want) => expect(isDnsLabel(l)).toBe(want));

  it.each([["lab.example", true], ["lab..example", false], ["", false], ["a.b-.c", false]])("name %s", (n, want) => expect(isDnsName(n)).toBe(want));

  it.each([["eth0", true], ["virbr10", true], ["br-lan.10", true], ["x".repeat(15), true], ["-oops", false], ["a b", false], ["a/b", false], ["a:b", false], ["br#1", false], ["x".repeat(16), false], ["..", false], ["", false]])(
    "interface %s",
    (n, want) => expect(isInterfaceName(n)).toBe(want),
  );

  it("flags characters XML cannot carry", () => {
    expect(isXmlSafe("a\nb\tc é 🙂")).toBe(true);
    expect(isXmlSafe("a\u0001b")).toBe(false);
    expect(isXmlSafe("\ud800")).toBe(false);
  });
});
