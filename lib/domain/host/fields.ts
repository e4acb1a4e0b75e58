import { z } from "zod";
import { isDnsName } from "../net/names";
import { parseAddress } from "../net/ip";
import { hostileTextProblem } from "./text-checks";

// One schema per host field, shared by the browser form and the server actions
// so both refuse the same values with the same words, on the same field.

function oneLine(label: string, maxLength: number, shape: RegExp | ((v: string) => boolean), shapeMessage: string) {
  const fits = typeof shape === "function" ? shape : (v: string) => shape.test(v);
  return z.string({ error: `Enter the ${label.toLowerCase()}.` }).superRefine((value, ctx) => {
    const problem = hostileTextProblem(value, label, maxLength) ?? (fits(value) ? null : shapeMessage);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

/** Used in URLs (/hosts/hv-a) and in the audit log, so kept to a URL-safe word. */
export const hostNameSchema = oneLine(
  "Name",
  63,
  /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  'Use letters, digits, ".", "_" and "-" only, starting with a letter or digit.',
);

const isIpAddress = (v: string) => parseAddress(v) !== null;

export const hostAddressSchema = oneLine(
  "Address",
  253,
  (v) => isIpAddress(v) || (isDnsName(v) && !/^[0-9.]+$/.test(v)),
  "Enter an IPv4 address (198.18.0.2), an IPv6 address (2001:db8::2) or a host name (hv-a.example.net).",
);

export const hostPortSchema = z
  .number({ error: "Enter a port number between 1 and 65535." })
  .int("Enter a whole port number.")
  .min(1, "Enter a port number between 1 and 65535.")
  .max(65535, "Enter a port number between 1 and 65535.");

/** A POSIX login name as useradd accepts it. */
export const hostUsernameSchema = oneLine(
  "Username",
  32,
  /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/,
  'Use letters, digits, ".", "_" and "-" only, starting with a letter or "_".',
);

const PRIVATE_KEY = /^-----BEGIN ([A-Z]+ )?PRIVATE KEY-----\r?\n[\s\S]+\r?\n-----END ([A-Z]+ )?PRIVATE KEY-----\s*$/;

export const privateKeySchema = z
  .string({ error: "Paste the private key." })
  .trim()
  .min(1, "Paste the private key, or generate a key pair.")
  .max(16_384, "That is too long for an SSH private key.")
  .regex(PRIVATE_KEY, 'Paste the whole private key, from "-----BEGIN" to "-----END … PRIVATE KEY-----".');

export const sshPasswordSchema = z
  .string({ error: "Enter the SSH password." })
  .min(1, "Enter the SSH password.")
  .max(1024, "At most 1024 characters.")
  .refine((v) => !v.includes("\0"), "The password cannot contain NUL characters.");

/** OpenSSH's form, e.g. SHA256:uX4…; what the operator compared and trusted. */
export const fingerprintSchema = z
  .string()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "That is not an OpenSSH SHA256 fingerprint.");
