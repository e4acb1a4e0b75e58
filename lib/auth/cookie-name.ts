// Shared by the proxy (which must not import server-only modules) and the cookie helpers.
export const SESSION_COOKIE_NAME = "switchyard_session";
