import "server-only";

export { sealSecret, openSecret, type SecretField } from "./seal";
export { sealHostCredentials, openHostSecret } from "./host-secrets";
export { SecretError, isSecretError, type SecretErrorKind } from "./errors";
export { keyFilePath } from "./key";
