// Every URL the app links to, and the one reading of a URL's dynamic segment.
// Pure (pages, plans, components and route handlers all use it). Names are
// encoded here and nowhere else: a libvirt network may be called anything but
// '/', question marks and percent signs included.

const seg = encodeURIComponent;

export const hostsHref = "/hosts";
export const hostHref = (host: string) => `/hosts/${seg(host)}`;
export const hostNetworksHref = (host: string) => `${hostHref(host)}/networks`;
export const newNetworkHref = (host: string) => `${hostHref(host)}/new-network`;
export const networkHref = (host: string, network: string) => `${hostNetworksHref(host)}/${seg(network)}`;
export const networkExportHref = (host: string, network: string, uuid: string, format: "xml" | "sh") =>
  `${networkHref(host, network)}/export?uuid=${seg(uuid)}&format=${format}`;
export const hostTopologyHref = (host: string) => `${hostHref(host)}/topology`;
export const hostInterfacesHref = (host: string) => `${hostHref(host)}/interfaces`;
/** The VM list; with a network, the "Add network interface" flow starts on it. */
export const hostVmsHref = (host: string, opts: { network?: string } = {}) =>
  `${hostHref(host)}/vms${opts.network ? `?network=${seg(opts.network)}` : ""}`;
export const vmHref = (host: string, vm: string, opts: { add?: boolean; network?: string } = {}) => {
  const query = new URLSearchParams();
  if (opts.add) query.set("add", "1");
  if (opts.add && opts.network) query.set("network", opts.network);
  const text = query.toString();
  return `${hostHref(host)}/vms/${seg(vm)}${text ? `?${text}` : ""}`;
};

/** JSON: a host's reachability (route handler). */
export const hostStatusHref = (hostId: string) => `${hostHref(hostId)}/status`;
/** JSON: one host's snapshot, libvirt only or with the kernel side (route handler). */
/** The fleet's cross-host (VXLAN) networks: list, create, add/remove hosts, delete. */
export const crossHostNetworksHref = "/networks/cross-host";
export const hostViewHref = (host: string, scope: "networks" | "full" = "networks") =>
  `/networks/hosts/${seg(host)}${scope === "full" ? "?scope=full" : ""}`;
/** JSON: the rows of one host's networks list, from the live host model when current (route handler). */
export const hostRowsHref = (host: string, settle = false) => `/networks/hosts/${seg(host)}/rows${settle ? "?settle=1" : ""}`;
/** Server-sent events for one host. */
export const hostEventsHref = (host: string) => `/api/events?host=${seg(host)}`;
/** POST: apply a stored plan (NDJSON progress). */
export const applyPlanHref = (planId: string) => `/api/changes/${seg(planId)}`;

/**
 * A dynamic route segment as the name it stands for, or null when it cannot be
 * one (a malformed percent escape): the page answers 404, the route 400. Next
 * hands segments over still percent-encoded in some paths and decoded in
 * others, and decoding a decoded name twice would corrupt one holding '%', so
 * only text that holds an escape is decoded.
 */
export function routeSegment(segment: string): string | null {
  if (!/%[0-9A-Fa-f]{2}/.test(segment)) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A `?page=` value: a page number from 1 to 10⁶, absent is 1; anything else is null (the page answers 404). */
export function pageNumber(value: string | string[] | undefined): number | null {
  if (value === undefined) return 1;
  return typeof value === "string" && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : null;
}
