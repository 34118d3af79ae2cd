/**
 * The Content-Security-Policy of every page: scripts only from this origin with this request's
 * nonce, nothing remote at all (no fonts, images or connections elsewhere), no plugins, no
 * framing. Styles allow inline attributes because charts set colours that way; style cannot run
 * code.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
