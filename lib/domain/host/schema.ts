import { z } from "zod";
import {
  fingerprintSchema,
  hostAddressSchema,
  hostNameSchema,
  hostPortSchema,
  hostUsernameSchema,
  privateKeySchema,
  sshPasswordSchema,
} from "./fields";

// The add/edit form is flat (one key per form field) so that react-hook-form,
// the zod resolver and the server's field errors all use the same names. Only
// the secret of the chosen authentication method is checked and kept.

export const AUTH_KINDS = ["key", "password"] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/** What it takes to reach a host's SSH port: enough to fetch its key, no secret. */
export const hostEndpointSchema = z.object({
  name: hostNameSchema,
  address: hostAddressSchema,
  port: hostPortSchema,
  username: hostUsernameSchema,
  authKind: z.enum(AUTH_KINDS, { error: "Choose SSH key or Password." }),
});

export const hostFormSchema = hostEndpointSchema
  .extend({
    privateKey: z.string().max(20_000).optional(),
    password: z.string().max(2_000).optional(),
    /** Set when the key pair was generated on the server: the private key never left it. */
    generatedKeyId: z.string().max(64).optional(),
  })
  .superRefine((form, ctx) => {
    const check = (schema: z.ZodType, value: unknown, field: "privateKey" | "password") => {
      const parsed = schema.safeParse(value ?? "");
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [field], message: parsed.error.issues[0]!.message });
    };
    if (form.authKind === "password") check(sshPasswordSchema, form.password, "password");
    else if (!form.generatedKeyId) check(privateKeySchema, form.privateKey, "privateKey");
  });

export type HostEndpoint = z.infer<typeof hostEndpointSchema>;
export type HostForm = z.infer<typeof hostFormSchema>;

/** The key type as the host named it, e.g. ssh-ed25519; shown, never run. */
const keyTypeSchema = z.string().regex(/^[a-z0-9@.-]{1,64}$/, "Unknown host key type.");

/** "Trust this host key": the form again, plus the key the operator saw. */
export const trustedHostSchema = z.object({ form: hostFormSchema, keyType: keyTypeSchema, fingerprint: fingerprintSchema });
export type TrustedHost = z.infer<typeof trustedHostSchema>;

export const hostIdSchema = z.object({ hostId: z.uuid("Unknown host.") });

/** Probing the key for an edit: the same endpoint, and which host is being edited. */
export const editEndpointSchema = z.object({ hostId: z.uuid("Unknown host."), endpoint: hostEndpointSchema });
export const editHostSchema = trustedHostSchema.extend({ hostId: z.uuid("Unknown host.") });
export const repinSchema = z.object({ hostId: z.uuid("Unknown host."), fingerprint: fingerprintSchema });

export type EditHost = z.infer<typeof editHostSchema>;
