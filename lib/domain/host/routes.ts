// The one rule for "where does this host's traffic leave by default":
// the lowest-metric default route of the family that names a device
// (the kernel's own choice; an absent metric is 0, as `ip route` prints it).
import type { HostRoute } from "./snapshot";

export function defaultRouteDev(routes: readonly HostRoute[], family: HostRoute["family"] = "inet"): string | undefined {
  const defaults = routes.filter((r) => r.dst === "default" && r.family === family && r.dev);
  defaults.sort((a, b) => (a.metric ?? 0) - (b.metric ?? 0));
  return defaults[0]?.dev;
}
