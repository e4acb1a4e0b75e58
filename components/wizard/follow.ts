// Fields that follow another field until the operator edits them, as in
// virt-manager: DHCP Start/End follow "Network", the DNS domain follows the
// name. The flags outlive each step's components (steps unmount on Forward),
// so the wizard owns them and hands them down.

export type Follower = "ipv4Dhcp" | "ipv6Dhcp" | "domain";

export type Edited = { has: (f: Follower) => boolean; mark: (f: Follower) => void };

export function editedFlags(): Edited {
  const edited = new Set<Follower>();
  return { has: (f) => edited.has(f), mark: (f) => void edited.add(f) };
}
