import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./lib/testing/chromium";

/**
 * Run through `npm run test:e2e` (scripts/test-e2e.ts), which prepares a fresh
 * database, builds, serves the production app and passes its URL in E2E_BASE_URL.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
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
