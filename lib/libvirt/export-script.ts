import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { LIBVIRT_URI } from "./uri";

// Export: the network's persistent XML, and a POSIX shell script that
// recreates it on another host. The script's XML drops the <mac> (libvirt
// makes a new one, so two hosts never share it) and carries a fresh UUID,
// which every later command uses: the script, like Switchyard, never
// addresses the network by name.

const TOP_UUID = /^ {2}<uuid>[^<]*<\/uuid>\n/m;
const TOP_MAC = /^ {2}<mac address=['"][^'"]*['"]\/>\n/m;

/** libvirt's XML with the host-specific identity taken out, and `uuid` put in. */
export function portableXml(xml: string, uuid: string): string {
  const withoutMac = xml.replace(TOP_MAC, "");
  const uuidLine = `  <uuid>${uuid}</uuid>\n`;
  if (TOP_UUID.test(withoutMac)) return withoutMac.replace(TOP_UUID, uuidLine);
  return withoutMac.replace(/(<\/name>\n)/, `$1${uuidLine}`);
}

export type ExportFacts = { name: string; host: string; xml: string; active: boolean; autostart: boolean };

export function recreateScript(facts: ExportFacts, now = new Date(), uuid = randomUUID()): string {
  const xml = portableXml(facts.xml.trimEnd() + "\n", uuid);
  let marker = `SWITCHYARD_NETWORK_XML_${randomBytes(6).toString("hex")}`;
  while (xml.includes(marker)) marker = `SWITCHYARD_NETWORK_XML_${randomBytes(6).toString("hex")}`;
  const virsh = `virsh -c ${LIBVIRT_URI}`;
  return [
    "#!/bin/sh",
    // JSON.stringify keeps any name on one comment line, whatever it contains.
    `# Recreates the libvirt network ${JSON.stringify(facts.name)}, exported from ${JSON.stringify(facts.host)} by Switchyard at ${now.toISOString()}.`,
    "# Run it on the new host as root or as a member of the libvirt group: sh THIS_FILE",
    "# Its bridge name and subnet are kept: make sure they are free on that host.",
    "set -eu",
    'xml=$(mktemp)',
    `trap 'rm -f "$xml"' EXIT`,
    `cat >"$xml" <<'${marker}'`,
    xml + marker,
    `${virsh} net-define --validate -- "$xml"`,
    ...(facts.active ? [`${virsh} net-start -- ${uuid}`] : []),
    ...(facts.autostart ? [`${virsh} net-autostart -- ${uuid}`] : []),
    "",
  ].join("\n");
}
