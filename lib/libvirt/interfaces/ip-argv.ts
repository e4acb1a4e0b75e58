import { isValidInterfaceName } from "@/lib/domain/interfaces/names";

// iproute2 argv for the host interface changes. iproute2 takes no `--`, so
// every name is validated here, again, right where it becomes an argument,
// and always follows a keyword (`dev`, `name`, `master`) so it cannot be read
// as a subcommand such as "help".

function named(name: string): string {
  if (!isValidInterfaceName(name)) throw new TypeError(`not a valid interface name: ${JSON.stringify(name)}`);
  return name;
}

export const ip = {
  addBridge: (name: string) => ["ip", "link", "add", "name", named(name), "type", "bridge"],
  addTap: (name: string) => ["ip", "tuntap", "add", "dev", named(name), "mode", "tap"],
  up: (name: string) => ["ip", "link", "set", "dev", named(name), "up"],
  down: (name: string) => ["ip", "link", "set", "dev", named(name), "down"],
  master: (port: string, bridge: string) => ["ip", "link", "set", "dev", named(port), "master", named(bridge)],
  nomaster: (port: string) => ["ip", "link", "set", "dev", named(port), "nomaster"],
  del: (name: string) => ["ip", "link", "del", "dev", named(name)],
};

/** The seed's bridge-utils commands for the same change, shown beside the ip ones. */
export const brctl = {
  addbr: (name: string) => `brctl addbr ${named(name)}`,
  addif: (bridge: string, port: string) => `brctl addif ${named(bridge)} ${named(port)}`,
  delif: (bridge: string, port: string) => `brctl delif ${named(bridge)} ${named(port)}`,
  delbr: (name: string) => `ip link set ${named(name)} down; brctl delbr ${named(name)}`,
  tuntapAdd: (name: string) => `ip tuntap add dev ${named(name)} mode tap`,
  tuntapDel: (name: string) => `ip tuntap del dev ${named(name)} mode tap`,
};
