import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/testing/chromium";

/**
 * Run through `npm run test:e2e` (scripts/test-e2e.ts), which prepares a fresh
 * database, builds, serves the production app and passes its URL in E2E_BASE_URL.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two files at a time: every test signs up people of its own and works in workspaces of its own (e2e/helpers.ts),
  // so files share nothing but the server; the suite took 47 min on one worker and 23 on two (CI allows 90 for
  // everything). E2E_WORKERS=1 runs them one by one.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://localhost:3000",
    // Dates are formatted in the viewer's locale (lib/format/dates.ts); the tests read them as a British desk would.
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
});
