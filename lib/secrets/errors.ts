// Secret failures are expected states (a rotated key, a restored backup), not
// crashes: callers catch SecretError and show its message, which says what to do.

export type SecretErrorKind = "missing-key" | "bad-key" | "wrong-key" | "tampered" | "malformed";

export class SecretError extends Error {
  readonly kind: SecretErrorKind;
  constructor(kind: SecretErrorKind, message: string) {
    super(message);
    this.name = "SecretError";
    this.kind = kind;
  }
}

export const isSecretError = (err: unknown): err is SecretError => err instanceof SecretError;
