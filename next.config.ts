import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** Headers that do not depend on the request; the CSP (with its nonce) and HSTS come from proxy.ts. */
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native or Node-only packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "nodemailer"],
  experimental: { authInterrupts: true },
  // No next/image in the app: /_next/image answers 404 instead of running the optimizer (scripts/server.ts refuses it too).
  images: { unoptimized: true },
  // The build checks the app's own files; `npm test` type-checks everything (tests too).
  typescript: { tsconfigPath: "tsconfig.app.json" },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default withNextIntl(nextConfig);
