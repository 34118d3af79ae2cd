import type { NextConfig } from "next";

// Security headers other than the CSP, which carries a per-request nonce and is set in src/proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  // A second build directory lets a test or benchmark build and serve its own copy while the
  // shared tree's `.next` is being rebuilt by someone else (start.mjs reads the same variable).
  distDir: process.env.CORPUS_WEB_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // @corpus/schema is ESM with `.js` imports; nothing else needs transpiling.
  transpilePackages: [],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default config;
