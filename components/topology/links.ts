// Every URL the topology view links to, with names encoded: a network may be
// called anything libvirt accepts, slashes and question marks included.

export function hostTopologyHref(host: string): string {
  return `/hosts/${encodeURIComponent(host)}/topology`;
}

export function networkHref(host: string, network: string): string {
  return `/hosts/${encodeURIComponent(host)}/networks/${encodeURIComponent(network)}`;
}
