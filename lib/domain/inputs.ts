// Input schemas every action and route shares, so "a host" and "a UUID" are
// checked the same way everywhere. Pure zod. A new network's name is the
// model's own rule (networkNameSchema in lib/domain/network); actions name an
// existing network by UUID, and a URL's segment is read by lib/routes.ts.
import { z } from "zod";

/** A registered host, by name or id, as the pages' URLs and the forms carry it. */
export const hostInput = z.string().min(1).max(200);

/** A libvirt UUID (any version), lower-cased: virsh prints them that way and the snapshot compares them so. */
export const uuidInput = (what: string) =>
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `Not a ${what} UUID.`).transform((u) => u.toLowerCase());

/** Host and network, the first fields of every per-network action. */
export const networkRef = { host: hostInput, uuid: uuidInput("network") };
