// Every URL the topology view links to, with names encoded: a network may be
// called anything libvirt accepts but '/', question marks included.
export { networkHref } from "@/components/networks/queries";

export function hostTopologyHref(host: string): string {
  return `/hosts/${encodeURIComponent(host)}/topology`;
}
