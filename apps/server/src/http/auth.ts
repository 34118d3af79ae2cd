import { createHash, timingSafeEqual } from "node:crypto";
import type { Auth } from "@corpus/api";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/**
 * Turns an Authorization header into the router's Auth verdict. Both sides are hashed first so
 * the comparison is constant-time whatever the lengths: a truncated token takes as long to
 * reject as a wrong one. With no admin token configured, writes are off for everyone.
 */
export function createAuthenticator(
  adminToken: string | undefined,
): (authorization: string | undefined) => Auth {
  const public_: Auth = Object.freeze({
    writesEnabled: Boolean(adminToken),
    admin: false,
    actor: "anonymous",
  });
  if (!adminToken) return () => public_;
  const expected = digest(adminToken);
  const admin: Auth = Object.freeze({ writesEnabled: true, admin: true, actor: "admin-token" });
  return (authorization) => {
    if (!authorization) return public_;
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (!match?.[1]) return public_;
    return timingSafeEqual(digest(match[1]), expected) ? admin : public_;
  };
}

/** Query parameters that look like credentials: refused outright so tokens never sit in URLs or logs. */
export const CREDENTIAL_PARAMETERS = [
  "token",
  "access_token",
  "accesstoken",
  "authorization",
  "auth",
  "api_key",
  "apikey",
];

export function hasCredentialInQuery(search: URLSearchParams): boolean {
  for (const key of search.keys()) {
    if (CREDENTIAL_PARAMETERS.includes(key.toLowerCase())) return true;
  }
  return false;
}
