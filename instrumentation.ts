/**
 * Next.js calls register() once per server instance at start, however the
 * server was started (`npm start` becomes `next start` in its own process).
 * What it starts (lib/instance-start.ts) runs in the Node.js runtime only, and
 * is imported only there, so the Edge build never sees its Node.js APIs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInstance } = await import("./lib/instance-start");
  await startInstance();
}
