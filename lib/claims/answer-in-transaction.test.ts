import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startCuttingProxy, type CuttingProxy } from "@/lib/db/cutting-proxy";
import { addComment, editComment } from "./comments";
import { createClaim } from "./create-claim";
import { setVerdict } from "./set-verdict";
import { updateClaim } from "./update-claim";
import { claimWorld, explanation } from "./test-world";

/**
 * A write that committed is answered, even when the database connection is
 * lost right after the commit: the answer is built inside the transaction, so
 * nothing is read after it. The app's client talks to PostgreSQL through a
 * proxy that cuts every connection once the COMMIT is acknowledged.
 */
const realUrl = process.env.DATABASE_URL!;
let proxy: CuttingProxy;

beforeAll(async () => {
  proxy = await startCuttingProxy(realUrl);
  process.env.DATABASE_URL = proxy.url; // the app's client is created on first use, so it connects through the proxy
});
afterAll(async () => {
  process.env.DATABASE_URL = realUrl;
  await proxy.close();
});

async function direct<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: realUrl });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

/** Runs `write` with the connection cut after its commit; returns its answer once the cut has happened. */
async function withCutAfterCommit<T>(write: () => Promise<T>): Promise<T> {
  proxy.cutAfterNextCommit();
  try {
    const answer = await write();
    expect(proxy.cut, "the write committed a transaction and the connection was cut after it").toBe(true);
    return answer;
  } finally {
    proxy.restore();
    await drainDeadConnections();
  }
}

/**
 * The pool may still hold idle connections the cut killed (it learns so only
 * when their sockets' close events arrive); each failed query discards one.
 * Not part of what is tested: the next test step just needs a working pool.
 */
async function drainDeadConnections() {
  for (let i = 0; i < 12; i++) {
    try {
      await db.$queryRaw`SELECT 1`;
      return;
    } catch {
      // a dead one, discarded; try the next
    }
  }
  throw new Error("the pool did not recover after the cut");
}

describe("claim writes answer from inside their transaction", () => {
  it("create, edit and verdict answer with what they wrote although the connection is gone after the commit", async () => {
    const w = await claimWorld();
    expect(proxy.connections).toBeGreaterThan(0); // the app's client really goes through the proxy
    const highlight = await w.highlight("about 40,000 vehicles a day");
    const annotator = await w.as(w.annotator);

    const created = await withCutAfterCommit(() => createClaim(annotator, { annotationId: highlight.id, claimant: "Council leader" }));
    expect(created).toMatchObject({ statement: "about 40,000 vehicles a day", claimant: "Council leader", version: 1 });
    expect(created.mentions.map((m) => m.annotationId)).toEqual([highlight.id]);
    const stored = await direct<{ id: string; statement: string }>(`SELECT c.id, c.statement FROM "Claim" c JOIN "Annotation" a ON a."claimId" = c.id WHERE a.id = $1`, [highlight.id]);
    expect(stored).toEqual([{ id: created.id, statement: created.statement }]);

    const edited = await withCutAfterCommit(() => updateClaim(annotator, created.id, { statement: "The bridge carries 40,000 vehicles a day", version: created.version }));
    expect(edited).toMatchObject({ id: created.id, statement: "The bridge carries 40,000 vehicles a day", version: 2 });
    expect(edited.events.some((e) => e.kind === "edited")).toBe(true);

    const judged = await withCutAfterCommit(() => setVerdict(annotator, created.id, { verdict: "mostly-false", explanation: explanation("Counts show 31,000."), version: edited.version }));
    expect(judged).toMatchObject({ verdict: "mostly-false", explanationText: "Counts show 31,000.", version: 3 });
    expect(await direct(`SELECT verdict, version FROM "Claim" WHERE id = $1`, [created.id])).toEqual([{ verdict: "mostly-false", version: 3 }]);
  });

  it("a comment edit answers with the edited comment although the connection is gone after the commit", async () => {
    const w = await claimWorld();
    const c = await w.claim("a third of their customers");
    const annotator = await w.as(w.annotator);
    const comment = await addComment(annotator, c.id, { body: explanation("First thought") });
    const edited = await withCutAfterCommit(() => editComment(annotator, c.id, comment.id, { body: explanation("Second thought") }));
    expect(edited).toMatchObject({ id: comment.id, bodyText: "Second thought" });
  });
});
