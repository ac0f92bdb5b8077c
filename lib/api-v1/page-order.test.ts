import { describe, expect, it } from "vitest";
import { HISTORY_FEED_KINDS } from "@/lib/claims/claim-changes";
import { MENTIONS_PAGE } from "@/lib/claims/get-claim";
import { attachMention } from "@/lib/claims/attach-mention";
import { db } from "@/lib/db/client";
import * as cl from "./endpoints/claims";
import * as pt from "./endpoints/claim-parts";
import { apiWorld, call } from "./testing";

type J = Record<string, unknown> & { items?: J[]; nextCursor?: string | null };

/**
 * The order and pages of the REST API's reads whose queries were reworked so their cost doesn't grow with the
 * workspace (issue 11): a claim's mentions (GET the claim, then /mentions) and the workspace's events. Every
 * page size gives the same sequence, the database's own order, with no gaps or repeats.
 */
async function pages(read: (cursor?: string) => Promise<J>): Promise<{ items: J[]; pages: number }> {
  const items: J[] = [];
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await read(cursor);
    items.push(...page.items!);
    cursor = page.nextCursor ?? undefined;
    count++;
  } while (cursor && count < 100);
  return { items, pages: count };
}

describe("REST API pages keep their order", () => {
  it("a claim's mentions in many articles: the claim's first page, then /mentions, in (createdAt, id) order, each with its own article and context", async () => {
    const w = await apiWorld();
    const a = await w.as(w.annotator);
    let claim = await w.claim("about 40,000 vehicles a day");
    // More than the claim carries, in several articles, three in each: rows of one page share articles, and
    // pages begin and end inside an article's run. One after another: article transactions at once outwait the
    // pool's connections on a busy machine.
    const articles = [];
    for (let i = 0; i < Math.ceil(MENTIONS_PAGE / 3) + 1; i++) articles.push(await w.article());
    for (const on of articles) {
      for (const words of ["a third of their customers", "€12 million", "Unemployment fell"]) {
        claim = await attachMention(a, claim.id, { annotationId: (await w.highlight(words, on)).id, version: claim.version });
      }
    }

    const inDb = await db.annotation.findMany({
      where: { claimId: claim.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, start: true, end: true, article: { select: { id: true, title: true, text: true } } },
    });
    expect(inDb).toHaveLength(1 + 3 * articles.length);
    expect(inDb.length).toBeGreaterThan(MENTIONS_PAGE);
    const expected = inDb.map((n) => n.id);

    const got = await call<J>(cl.getClaimEndpoint, { token: w.tokens.viewer, params: { ws: w.ws, claimId: claim.id } });
    expect(got.status).toBe(200);
    const first = got.body.mentions as J[];
    expect(first.map((m) => m.annotationId)).toEqual(expected.slice(0, MENTIONS_PAGE));
    const rest = await pages(async (cursor) => (await call<J>(pt.listMentions, { token: w.tokens.viewer, params: { ws: w.ws, claimId: claim.id }, query: { limit: "2", cursor: cursor ?? (got.body.mentionsNextCursor as string) } })).body);
    expect([...first, ...rest.items].map((m) => m.annotationId)).toEqual(expected);

    for (const limit of ["1", "7", "50"]) {
      const all = await pages(async (cursor) => (await call<J>(pt.listMentions, { token: w.tokens.viewer, params: { ws: w.ws, claimId: claim.id }, query: { limit, ...(cursor ? { cursor } : {}) } })).body);
      expect(all.items.map((m) => m.annotationId), `limit ${limit}`).toEqual(expected);
      expect(all.pages, `limit ${limit}`).toBe(Math.ceil(expected.length / Number(limit)));
      // Each mention carries its own article, and context cut from that article's text either side of it.
      all.items.forEach((m, i) => {
        const n = inDb[i];
        expect((m.article as J).id).toBe(n.article.id);
        expect((m.article as J).title).toBe(n.article.title);
        expect(n.article.text.slice(0, n.start!).endsWith(m.before as string)).toBe(true);
        expect(n.article.text.slice(n.end!).startsWith(m.after as string)).toBe(true);
      });
    }
  });

  it("the workspace's events: newest first in commit order across claims and kinds, the same at every page size; a deleted claim's only for admins", async () => {
    const w = await apiWorld();
    const a = await w.claim("about 40,000 vehicles a day");
    const b = await w.claim("a third of their customers");
    const c = await w.claim("€12 million");
    let version = 1;
    for (const claimant of ["Mayor", "Council", "Minister"]) {
      const r = await call<J>(cl.updateClaimEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: a.id }, body: { version, claimant } });
      version = r.body.version as number;
    }
    await call(pt.addSourceEndpoint, { token: w.tokens.annotator, params: { ws: w.ws, claimId: b.id }, body: { version: 1, title: "Traffic count 2024", kind: "dataset", stance: "refutes" } });
    await call(cl.deleteClaimEndpoint, { token: w.tokens.reviewer, params: { ws: w.ws, claimId: c.id }, body: { version: 1 } });

    const feed = await db.change.findMany({
      where: { workspace: { slug: w.ws }, kind: { in: HISTORY_FEED_KINDS }, seq: { not: null } },
      orderBy: { seq: "desc" },
      select: { id: true, claimId: true },
    });
    const forAdmin = feed.map((e) => String(e.id));
    const forViewer = feed.filter((e) => e.claimId !== c.id).map((e) => String(e.id));
    expect(forViewer.length).toBeGreaterThanOrEqual(6);
    expect(forAdmin.length).toBeGreaterThan(forViewer.length);

    for (const [token, expected] of [
      [w.tokens.admin, forAdmin],
      [w.tokens.viewer, forViewer],
    ] as const) {
      for (const limit of ["1", "3", "100"]) {
        const all = await pages(async (cursor) => (await call<J>(pt.listEvents, { token, params: { ws: w.ws }, query: { limit, ...(cursor ? { cursor } : {}) } })).body);
        expect(all.items.map((e) => e.id), `limit ${limit}`).toEqual(expected);
        expect(all.pages, `limit ${limit}`).toBe(Math.ceil(expected.length / Number(limit)));
      }
    }
  });
});
