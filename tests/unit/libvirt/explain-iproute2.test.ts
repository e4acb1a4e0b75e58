import { describe, expect, it } from "vitest";
import { explainFailure } from "@/lib/changes/explain";

// The stderr iproute2 6 prints for the host interface changes, word for word:
// "RTNETLINK answers: <strerror>" (ip link), "ioctl(TUNSETIFF): <strerror>"
// (ip tuntap), its own argument checks, and the kernel's extended messages.

describe("plain explanations for iproute2", () => {
  it.each([
    // ip link add name br9 type bridge, br9 taken
    ["RTNETLINK answers: File exists", /^An interface with this name already exists on the host\./],
    // any change as a user without CAP_NET_ADMIN
    ["RTNETLINK answers: Operation not permitted", /needs root or the CAP_NET_ADMIN capability.*without sudo/],
    ["ioctl(TUNSETIFF): Operation not permitted", /needs root or the CAP_NET_ADMIN capability/],
    // ip link set/del dev br9 …, br9 gone
    ['Cannot find device "br9"', /^There is no interface br9 on the host \(any more\)/],
    // ip link set dev tap9 master br9, br9 gone
    ['Error: argument "br9" is wrong: Device does not exist', /^There is no interface br9 on the host/],
    // ip link set dev eth2 master br0, eth2 carrying a VM's macvtap
    ["RTNETLINK answers: Device or resource busy", /the device is busy.*parent of a VM's macvtap interface/],
    // ip tuntap add dev tap9 mode tap, tap9 taken
    ["ioctl(TUNSETIFF): Device or resource busy", /^A device with this name already exists/],
    // names over 15 characters: ip's own check, and the kernel's answer
    ['Error: argument "averyveryverylongname" is wrong: "name" not a valid ifname', /1 to 15 characters/],
    ['Error: argument "averyveryverylongname" is wrong: "dev" not a valid ifname', /1 to 15 characters/],
    ["RTNETLINK answers: Numerical result out of range", /1 to 15 characters/],
    // ip link set dev lo master br0
    ["RTNETLINK answers: Invalid argument", /invalid for this device\. Only Ethernet-like devices can be bridge ports/],
    ["RTNETLINK answers: No such device", /^The device vanished while the change ran/],
    ["Error: Can not enslave a bridge to a bridge.", /a bridge cannot join another bridge/],
    ["RTNETLINK answers: Operation not supported", /the master is not a bridge/],
    ["Error: Unknown device type.", /no driver for this kind of device/],
    ["RTNETLINK answers: Cannot allocate memory", /^Linux refused the change\. iproute2's message above says why\.$/],
  ])("%s", (stderr, expected) => {
    expect(explainFailure(stderr)).toMatch(expected);
  });

  it("finds iproute2's line among others on stderr", () => {
    expect(explainFailure("Warning: something first\nRTNETLINK answers: File exists\n")).toMatch(/already exists on the host/);
  });

  it("leaves an errno text inside a libvirt message to libvirt's table", () => {
    expect(explainFailure("error: Failed to start network n9\nerror: Cannot get interface MTU on 'virbr9': No such device")).toMatch(/refused to create the network's bridge/);
    expect(explainFailure("error: Failed to connect socket to '/var/run/libvirt/libvirt-sock': Permission denied")).toMatch(/may not manage libvirt/);
    expect(explainFailure("error: something new: File exists")).toBe("libvirt refused the change. Its message above says why.");
  });

  it("explains libvirt's macvtap refusal on a bridge port, naming the device", () => {
    const stderr = "error: Failed to attach device from /dev/stdin\nerror: error creating macvtap interface macvtap0@eth1 (52:54:00:12:34:56): Device or resource busy";
    expect(explainFailure(stderr)).toMatch(/^Linux would not put a macvtap interface on eth1 because .*bridge port/);
  });
});
