import { describe, expect, it } from "vitest";
import { hostFormSchema } from "@/lib/domain/host/schema";

const good = { name: "hv-a", address: "198.18.0.2", port: 22, username: "root", authKind: "password" as const, password: "pw" };

/** The message zod puts on `field`, or undefined when the form is valid there. */
function errorOn(field: string, patch: Record<string, unknown>) {
  const parsed = hostFormSchema.safeParse({ ...good, ...patch });
  if (parsed.success) return undefined;
  return parsed.error.issues.find((i) => i.path.join(".") === field)?.message;
}

describe("host fields", () => {
  it("accepts IPv4, IPv6 and host names", () => {
    for (const address of ["198.18.0.2", "2001:db8::2", "hv-a", "hv-a.example.net"]) {
      expect(errorOn("address", { address }), address).toBeUndefined();
    }
  });

  it.each([
    ["-oProxyCommand=touch /tmp/pwn", /cannot start with "-"/],
    ["a;touch /tmp/pwn", /";"/],
    ["$(id)", /shell substitutions/],
    ["hv-a\nevil", /single line/],
    ["x".repeat(300), /at most 253/],
    ["10.1", /IPv4 address/],
    ["", /Enter the address/],
  ])("refuses address %j with an operator message", (address, message) => {
    expect(errorOn("address", { address })).toMatch(message);
  });

  it.each([
    ["web;rm", /";"/],
    ["$(reboot)", /shell substitutions/],
    ["a\nb", /single line/],
    ["n".repeat(300), /at most 63 characters \(this one has 300\)/],
    ["-x", /cannot start with "-"/],
    ["has space", /spaces/],
    ["a/b", /letters, digits/],
  ])("refuses name %j", (name, message) => {
    expect(errorOn("name", { name })).toMatch(message);
  });

  it("refuses a hostile username and a port out of range on their own fields", () => {
    expect(errorOn("username", { username: "-oProxyCommand=x" })).toMatch(/cannot start with "-"/);
    expect(errorOn("username", { username: "root;id" })).toMatch(/";"/);
    expect(errorOn("port", { port: 0 })).toMatch(/between 1 and 65535/);
    expect(errorOn("port", { port: Number.NaN })).toMatch(/port number/);
  });

  it("checks only the secret of the chosen method", () => {
    expect(errorOn("password", { password: "" })).toMatch(/SSH password/);
    expect(errorOn("privateKey", { authKind: "key", password: "" })).toMatch(/private key/);
    expect(errorOn("privateKey", { authKind: "key", privateKey: "ssh-ed25519 AAAA…" })).toMatch(/-----BEGIN/);
    const key = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
    expect(hostFormSchema.safeParse({ ...good, authKind: "key", privateKey: key, password: undefined }).success).toBe(true);
    expect(hostFormSchema.safeParse({ ...good, authKind: "key", generatedKeyId: "k1" }).success).toBe(true);
  });
});
