import type { NetState, PersistenceView } from "@/lib/domain/plan";
import { isValidInterfaceName } from "@/lib/domain/interfaces/names";

// Which network manager owns a NIC, read from what the host prints, and the
// exact files or commands that would make "Bridge this NIC" survive a reboot.
// Switchyard's own change is runtime-only (iproute2); this only proposes.

/** One exec: each tool's answer under a marker line. Absent tools print nothing. */
const DETECT_SCRIPT = `echo '@@nmcli-running'
command -v nmcli > /dev/null 2>&1 && nmcli -t -f RUNNING general 2>&1
echo '@@nmcli-devices'
command -v nmcli > /dev/null 2>&1 && nmcli -t -f DEVICE,TYPE,STATE,CONNECTION device 2>&1
echo '@@ifupdown'
if command -v ifup > /dev/null 2>&1; then
  cat /etc/network/interfaces 2> /dev/null
  for f in /etc/network/interfaces.d/*; do [ -f "$f" ] && cat "$f"; done
fi
echo '@@networkctl'
command -v networkctl > /dev/null 2>&1 && networkctl list --no-legend --no-pager 2>&1
exit 0`;

export const detectArgv = () => ["sh", "-c", DETECT_SCRIPT, "sy-detect-netconf"];

export type DetectOutputs = { nmcliRunning: string; nmcliDevices: string; ifupdown: string; networkctl: string };

export function splitDetectOutput(text: string): DetectOutputs {
  const parts: Record<string, string[]> = {};
  let current = "";
  for (const line of text.split("\n")) {
    const marker = /^@@([a-z-]+)$/.exec(line);
    if (marker) current = marker[1]!;
    else if (current) (parts[current] ??= []).push(line);
  }
  const get = (k: string) => (parts[k] ?? []).join("\n").trim();
  return { nmcliRunning: get("nmcli-running"), nmcliDevices: get("nmcli-devices"), ifupdown: get("ifupdown"), networkctl: get("networkctl") };
}

export type Manager = { manager: "networkmanager"; connection: string } | { manager: "ifupdown" } | { manager: "systemd-networkd" } | { manager: "none" };

/** nmcli -t escapes ':' inside fields as '\:'. */
function nmcliFields(line: string): string[] {
  return line.split(/(?<!\\):/).map((f) => f.replace(/\\:/g, ":").replace(/\\\\/g, "\\"));
}

export function detectManager(out: DetectOutputs, nic: string): Manager {
  if (/^running$/m.test(out.nmcliRunning)) {
    for (const line of out.nmcliDevices.split("\n")) {
      const [device, , state, connection] = nmcliFields(line);
      if (device === nic && state && !/^unmanaged/.test(state) && state !== "unavailable") return { manager: "networkmanager", connection: connection ?? "" };
    }
  }
  // ifupdown manages a NIC that has an iface stanza (or auto/allow-hotplug line) for it.
  const stanza = new RegExp(`^\\s*(iface\\s+${escape(nic)}\\s|auto\\s+(.*\\s)?${escape(nic)}(\\s|$)|allow-hotplug\\s+(.*\\s)?${escape(nic)}(\\s|$))`, "m");
  if (stanza.test(out.ifupdown.split("\n").filter((l) => !/^\s*#/.test(l)).join("\n"))) return { manager: "ifupdown" };
  for (const line of out.networkctl.split("\n")) {
    // IDX LINK TYPE OPERATIONAL SETUP
    const cols = line.trim().split(/\s+/);
    if (cols[1] === nic && (cols[4] === "configured" || cols[4] === "configuring")) return { manager: "systemd-networkd" };
  }
  return { manager: "none" };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const NOT_PERSISTED = "Not persisted: no network manager found. The change lives in the running kernel only and is gone after a reboot.";

/** The files or commands for the manager, for the operator to review; nothing here runs by itself. */
export function persistenceProposal(m: Manager, nic: string, bridge: string, mac: string, after: NetState): PersistenceView {
  if (!isValidInterfaceName(nic) || !isValidInterfaceName(bridge)) throw new TypeError("invalid interface name");
  const addresses = after.addresses[bridge] ?? [];
  const v4 = addresses.filter((a) => a.family === "inet").map((a) => `${a.local}/${a.prefixlen}`);
  const v6 = addresses.filter((a) => a.family === "inet6").map((a) => `${a.local}/${a.prefixlen}`);
  const gw4 = after.routes.find((r) => r.family === "inet" && r.dst === "default" && r.gateway)?.gateway;
  const gw6 = after.routes.find((r) => r.family === "inet6" && r.dst === "default" && r.gateway)?.gateway;
  const dynamic = addresses.some((a) => a.dynamic);
  switch (m.manager) {
    case "none":
      return { manager: "none", text: NOT_PERSISTED };
    case "networkmanager": {
      const ipv4 = dynamic ? ["ipv4.method", "auto"] : v4.length ? ["ipv4.method", "manual", "ipv4.addresses", v4.join(","), ...(gw4 ? ["ipv4.gateway", gw4] : [])] : ["ipv4.method", "disabled"];
      const ipv6 = v6.length ? ["ipv6.method", "manual", "ipv6.addresses", v6.join(","), ...(gw6 ? ["ipv6.gateway", gw6] : [])] : ["ipv6.method", "link-local"];
      return {
        manager: "networkmanager",
        text: `NetworkManager manages ${nic}${m.connection ? ` (connection "${m.connection}")` : ""}. To make the bridge persistent, NetworkManager's own checkpoint guards the switch-over: it rolls everything back by itself unless destroyed within 60 s.`,
        files: [],
        commands: [
          ["gdbus", "call", "--system", "--dest", "org.freedesktop.NetworkManager", "--object-path", "/org/freedesktop/NetworkManager", "--method", "org.freedesktop.NetworkManager.CheckpointCreate", "[]", "60", "1"],
          ["nmcli", "connection", "add", "type", "bridge", "ifname", bridge, "con-name", bridge, "bridge.stp", "no", "bridge.forward-delay", "0", "ethernet.cloned-mac-address", mac, ...ipv4, ...ipv6],
          ["nmcli", "connection", "add", "type", "bridge-slave", "ifname", nic, "master", bridge, "con-name", `${bridge}-port-${nic}`],
          ...(m.connection ? [["nmcli", "connection", "modify", m.connection, "connection.autoconnect", "no"]] : []),
          ["nmcli", "connection", "up", bridge],
          ["nmcli", "connection", "up", `${bridge}-port-${nic}`],
          ["gdbus", "call", "--system", "--dest", "org.freedesktop.NetworkManager", "--object-path", "/org/freedesktop/NetworkManager", "--method", "org.freedesktop.NetworkManager.CheckpointDestroy", "CHECKPOINT-PATH-PRINTED-BY-THE-FIRST-COMMAND"],
        ],
      };
    }
    case "ifupdown": {
      const stanza = [
        `auto ${bridge}`,
        `iface ${bridge} inet ${dynamic ? "dhcp" : v4.length ? "static" : "manual"}`,
        ...(!dynamic ? v4.map((a) => `    address ${a}`) : []),
        ...(!dynamic && gw4 ? [`    gateway ${gw4}`] : []),
        `    bridge_ports ${nic}`,
        "    bridge_stp off",
        "    bridge_fd 0",
        `    bridge_hw ${mac}`,
        ...(v6.length ? ["", `iface ${bridge} inet6 static`, ...v6.map((a) => `    address ${a}`), ...(gw6 ? [`    gateway ${gw6}`] : [])] : []),
        "",
        `iface ${nic} inet manual`,
      ].join("\n");
      return {
        manager: "ifupdown",
        text: `ifupdown manages ${nic} (/etc/network/interfaces). Replace ${nic}'s stanza with the file below (bridge_* options need the bridge-utils package), then reboot or run the commands from the host's console.`,
        files: [{ path: `/etc/network/interfaces.d/${bridge}`, content: `${stanza}\n` }],
        commands: [["ifdown", nic], ["ifup", bridge]],
      };
    }
    case "systemd-networkd": {
      const netdev = ["[NetDev]", `Name=${bridge}`, "Kind=bridge", `MACAddress=${mac}`, "", "[Bridge]", "STP=no", "ForwardDelaySec=0"].join("\n");
      const network = ["[Match]", `Name=${bridge}`, "", "[Network]", ...(dynamic ? ["DHCP=yes"] : [...v4, ...v6].map((a) => `Address=${a}`)), ...(!dynamic && gw4 ? [`Gateway=${gw4}`] : []), ...(gw6 ? [`Gateway=${gw6}`] : [])].join("\n");
      const port = ["[Match]", `Name=${nic}`, "", "[Network]", `Bridge=${bridge}`].join("\n");
      return {
        manager: "systemd-networkd",
        text: `systemd-networkd manages ${nic}. These files describe the bridge; remove or change ${nic}'s current .network file so it no longer assigns the addresses, then reload.`,
        files: [
          { path: `/etc/systemd/network/40-${bridge}.netdev`, content: `${netdev}\n` },
          { path: `/etc/systemd/network/40-${bridge}.network`, content: `${network}\n` },
          { path: `/etc/systemd/network/40-${nic}-port.network`, content: `${port}\n` },
        ],
        commands: [["networkctl", "reload"]],
      };
    }
  }
}
