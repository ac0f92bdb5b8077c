import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateWorkspace } from "@/bench/lib/dataset";
import { authorize, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isEmbeddedUrl } from "@/lib/db/embedded-url";
import { EXPORT_FORMATS } from "./filters";
import { exportResponse } from "./export";
import { PARTS } from "./ranges";

/**
 * A download whose client goes away before reading it (black-box, session 33: `curl -m 0.5` on a 100k-claim export)
 * must leave nothing behind: no export query still running, no connection held in its snapshot's transaction. The
 * request's signal is what says the client went; the response body's cancel() never comes when nobody read it.
 */
async function leftOver(): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
       AND (state = 'active' OR state LIKE 'idle in transaction%')`;
  return n;
}

async function nothingLeft(): Promise<void> {
  const end = Date.now() + 10_000;
  while ((await leftOver()) > 0) {
    if (Date.now() > end) throw new Error(`${await leftOver()} export connections still busy`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(isEmbeddedUrl(process.env.DATABASE_URL))("an export whose client goes away", () => {
  let access: Access;
  const minClaims = PARTS.minClaims;
  beforeAll(async () => {
    // In parts, as at 100k claims: the later part's query starts with the first and waits unread.
    PARTS.minClaims = 1;
    // Enough that no format fits in the first piece read before answering (256 KB): the rest waits on the connections.
    const ws = await generateWorkspace(process.env.DATABASE_URL!, { claims: 2000, hotClaims: 1 });
    access = await authorize(ws.admin.id, ws.slug, "workspace.view");
  }, 120_000);
  afterAll(() => {
    PARTS.minClaims = minClaims;
  });

  it.each(EXPORT_FORMATS)("%s: gone once the answer has started, before reading a byte: its queries stop and its connections are given back", async (format) => {
    const client = new AbortController();
    const res = await exportResponse(access, new URLSearchParams({ format }), "en", client.signal);
    expect(res.status).toBe(200);
    client.abort();
    await nothingLeft();
  });

  it.each(EXPORT_FORMATS)("%s: gone before the answer started: refused, and nothing left running", async (format) => {
    const client = new AbortController();
    const answer = exportResponse(access, new URLSearchParams({ format }), "en", client.signal);
    client.abort();
    await expect(answer).rejects.toThrow(/abort/i);
    await nothingLeft();
  });
});
