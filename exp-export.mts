import { createWriteStream } from "node:fs";
import { authorize } from "/work/wt-exp/lib/auth/permissions";
import { exportChunks } from "/work/wt-exp/lib/export";
const [slug, admin, format, out] = process.argv.slice(2);
const access = await authorize(admin, slug, "workspace.view");
const t0 = performance.now(); let bytes = 0;
const f = out ? createWriteStream(out) : null;
for await (const c of await exportChunks(access, format as never, {})) { bytes += typeof c === "string" ? Buffer.byteLength(c) : c.byteLength; if (f && !f.write(c)) await new Promise<void>((r) => f.once("drain", () => r())); }
if (f) await new Promise<void>((r) => f.end(() => r()));
console.log(format, (bytes / 1e6).toFixed(1), "MB", ((performance.now() - t0) / 1000).toFixed(2), "s", "rss", (process.memoryUsage().rss / 1e6).toFixed(0));
process.exit(0);
