// iproute2's refusals in plain words, for the host interface changes
// (ip link add/set/del, ip tuntap add). The kernel's answer comes as
// "RTNETLINK answers: <errno text>" from ip link and "ioctl(TUNSETIFF): <errno
// text>" from ip tuntap; ip's own checks print `Cannot find device "x"` or
// `Error: argument "x" is wrong: …`; the kernel's extended messages
// "Error: ….". Every pattern is anchored to one of those line starts, so an
// errno text inside a libvirt message ("… on 'virbr9': No such device") is
// left to libvirt's table.

const KERNEL = String.raw`^(?:RTNETLINK answers|ioctl\(\w+\)|open): `;
const kernel = (errno: string) => new RegExp(`${KERNEL}(?:${errno})`, "m");

/** Whether iproute2 printed the message, explained or not. */
export const IPROUTE2_LINE = new RegExp(`${KERNEL}|^Cannot find device "|^Error: `, "m");

export const IPROUTE2_FALLBACK = "Linux refused the change. iproute2's message above says why.";

export const IPROUTE2_RULES: [RegExp, string][] = [
  [
    kernel("Operation not permitted|Permission denied"),
    "Changing the host's network interfaces needs root or the CAP_NET_ADMIN capability, and the SSH user this host is registered with has neither (Switchyard runs ip as that user, without sudo). Register the host as root, or as a user with CAP_NET_ADMIN, to change its interfaces.",
  ],
  [
    /^ioctl\(TUNSETIFF\): Device or resource busy/m,
    "A device with this name already exists: another interface has the name, or it is a TAP device held open by a running process such as a VM's qemu. Pick another name, or refresh the page to see it.",
  ],
  [kernel("File exists"), "An interface with this name already exists on the host. Pick another name, or refresh: someone may have just created it."],
  [
    /^Cannot find device "([^"]*)"|^Error: argument "([^"]*)" is wrong: Device does not exist/m,
    "There is no interface $1 on the host (any more): someone removed or renamed it after the page was read. Refresh the page.",
  ],
  [
    /^(?:RTNETLINK answers|ioctl\(\w+\)): Numerical result out of range|^Error: argument "[^"]*" is wrong: "(?:name|dev)" not a valid ifname/m,
    "Linux interface names are 1 to 15 characters, without spaces, '/' or ':'. This one is not; choose a shorter name.",
  ],
  [
    kernel("Device or resource busy"),
    "Linux says the device is busy: something else holds it. Most often it is the parent of a VM's macvtap interface (a device can carry macvtap or be a bridge port, not both), or it belongs to a master that will not release it. Remove that use first; the Interfaces page shows who uses the device.",
  ],
  [
    /^Error: (?:Can not enslave a bridge to a bridge|Device does not allow enslaving to a bridge)/m,
    "This device cannot be a bridge port: a bridge cannot join another bridge, and some devices (Wi-Fi in client mode, for one) refuse to. Choose another port.",
  ],
  [
    kernel("Invalid argument"),
    "Linux refused the request as invalid for this device. Only Ethernet-like devices can be bridge ports: not the loopback, a layer-3 tun device or a device without a MAC address.",
  ],
  [/^Error: Unknown device type/m, "The host's kernel has no driver for this kind of device (the bridge or tun module is missing)."],
  [kernel("Operation not supported"), "Linux does not support this here: the master is not a bridge, or the host's kernel has no bridge or tun driver."],
  [
    kernel("No such device"),
    "The device vanished while the change ran, or the host's kernel has no driver for it (bridge or tun). Refresh the page to see what is there now.",
  ],
];
