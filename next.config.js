// @ts-check
// next-intl without locale routing: its per-request configuration is i18n/request.ts (the plugin's default path).
// This file is CommonJS (Next loads it with require); next-intl ships its plugin as CJS for that.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const createNextIntlPlugin = require("next-intl/plugin");
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const EVERY_RESPONSE = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];
// Pages and API responses get a stricter per-request nonce CSP from proxy.ts.
const STATIC_CSP = [
  { key: "Content-Security-Policy", value: "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // forbidden(): a member without the right sees a real 403 page.
  // proxyClientMaxBodySize: proxy.ts runs on every request, and Next buffers (and cuts off) bodies past
  // this size before route handlers see them; article imports take up to 12 MiB (routes keep their own
  // limits). Bundle imports are streamed and skip the proxy (proxy.ts).
  experimental: { authInterrupts: true, proxyClientMaxBodySize: "13mb" },
  // `npm test` type-checks the whole project (tests, scripts, bench too) with tsc;
  // checking again inside every build only makes `npm start` slower.
  typescript: { ignoreBuildErrors: true },
  // Native and WASM packages are loaded by Node at run time, not bundled; so are pdf.js (its worker module is
  // imported at run time, lib/articles/import/pdf-to-doc.ts), eld (megabytes of n-gram data) and onnxruntime-web
  // (loads its .wasm file from beside itself; lib/search/embeddings); so is koffi (a native FFI, lib/memory/malloc-trim.ts).
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg", "pdfjs-dist", "eld", "onnxruntime-web", "koffi"],
  async headers() {
    return [
      { source: "/:path*", headers: EVERY_RESPONSE },
      { source: "/_next/:path*", headers: STATIC_CSP },
      { source: "/favicon.ico", headers: STATIC_CSP },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
