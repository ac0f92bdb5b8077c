import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isEmbeddedUrl } from "@/lib/db/embedded-url";
import { closeAll, snapshotConnections } from "./copy-stream";
import { exportWorld } from "./export-world";
import { exportChunks, exportToString } from "./export";
import type { ExportFormat } from "./filters";
import { PARTS } from "./ranges";

/**
 * An export reads the database as of one moment, whatever it is made of: CSV and JSON Lines in two parts run at
 * once, the bundle's sections one after another, W3C's lines beside the articles' texts. A change committed while
 * it streams shows nowhere in it, so its parts and sections agree with each other. (On the embedded database,
 * PGlite's one backend serves every connection: no transaction is opened there, copy-stream.ts.)
 *
 * Without the shared snapshot the first case and the bundle's and W3C's fail (tried). CSV's and JSON Lines'
 * pass either way: both parts' queries start before a test can commit anything, so the window the snapshot
 * closes for them (a commit between the two parts' starts) is the first case's.
 */
const at = new Date("2025-06-01T12:00:00.000Z");
const minClaims = PARTS.minClaims;
afterEach(() => {
  PARTS.minClaims = minClaims;
});

describe.skipIf(isEmbeddedUrl(process.env.DATABASE_URL))("an export reads one snapshot", () => {
  it("snapshotConnections: each connection sees what was committed before the first one started, nothing after", async () => {
    const w = await exportWorld();
    const connections = await snapshotConnections(2);
    try {
      await db.claim.update({ where: { id: w.cyrillic.id }, data: { claimant: "Committed afterwards" } });
      for (const c of connections) {
        const { rows } = await c.query<{ claimant: string | null }>(`SELECT "claimant" FROM "Claim" WHERE "id" = $1`, [w.cyrillic.id]);
        expect(rows[0].claimant).not.toBe("Committed afterwards");
      }
      expect((await db.claim.findUniqueOrThrow({ where: { id: w.cyrillic.id } })).claimant).toBe("Committed afterwards");
    } finally {
      await closeAll(connections);
    }
  });

  it.each<ExportFormat>(["csv", "jsonl", "bundle", "w3c", "claimreview"])("%s: changes committed after its first byte show nowhere in it", async (format) => {
    const w = await exportWorld();
    const access = await w.as(w.viewer);
    // Three claims: CSV and JSON Lines in two parts, each on a connection of its own.
    PARTS.minClaims = 1;
    const before = await exportToString(access, format, {}, at);
    const chunks = await exportChunks(access, format, {}, at);
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const text = (c: string | Uint8Array) => (typeof c === "string" ? c : decoder.decode(c, { stream: true }));
    const first = await chunks.next();
    let out = first.done ? "" : text(first.value);

    // Committed while the export streams: a statement (every format has them), an article's text (W3C's
    // selectors are computed from it; the bundle carries it), a highlight deleted (the bundle's annotations).
    await db.claim.update({ where: { id: w.approved.id }, data: { statement: "Rewritten meanwhile" } });
    await db.claim.update({ where: { id: w.cyrillic.id }, data: { statement: "Also rewritten meanwhile" } });
    await db.article.update({ where: { id: w.a.id }, data: { text: `Prepended meanwhile. ${w.a.text}` } });
    await db.annotation.update({ where: { id: w.loose.id }, data: { deletedAt: new Date() } });
    expect(await exportToString(access, format, {}, at)).not.toBe(before);

    for await (const chunk of chunks) out += text(chunk);
    expect(out + decoder.decode()).toBe(before);
  });
});
