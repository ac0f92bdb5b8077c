import { buildApp } from "./lib/build-fingerprint";

/**
 * npm run build: the production build, stamped, so a following `npm start` (on this machine or for
 * each of several instances) serves it at once instead of building again.
 */
process.exit(buildApp(process.cwd(), process.env) ? 0 : 1);
