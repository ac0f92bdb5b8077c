import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { expectedW3cText, exportWorld } from "./export-world";
import { INLINE_TAGS, tagBodiesSql } from "./formats/w3c";
import { exportToString } from "./index";
import { exportRows } from "./rows";
import { Prisma } from "@/lib/db/generated/client";

type World = Awaited<ReturnType<typeof exportWorld>>;
let w: World;
const at = new Date("2025-06-01T12:00:00.000Z");
beforeAll(async () => {
  w = await exportWorld();
});

/** What the W3C export must be (export-world.ts). */
async function expectedW3c(): Promise<string> {
  return (await expectedW3cText(await w.as(w.viewer), {}, at)).text;
}

describe("W3C lines written by PostgreSQL, at their edges", () => {
  it("writes tags inline up to INLINE_TAGS and through the subquery past them, byte for byte as webAnnotation", async () => {
    const tricky = ['quote "q"', "back\\slash", "line\nbreak", "ünïcode", "emoji 😀", "tab\there"];
    await db.claim.update({ where: { id: w.approved.id }, data: { tags: tricky.slice(0, INLINE_TAGS + 2) } });
    await db.claim.update({ where: { id: w.formula.id }, data: { tags: tricky.slice(0, INLINE_TAGS) } });
    await db.claim.update({ where: { id: w.cyrillic.id }, data: { tags: [] } });
    const access = await w.as(w.viewer);
    expect(await exportToString(access, "w3c", {}, at)).toBe(await expectedW3c());
  });

  it("writes a mention whose stored span its article's text can't hold with its stored quote, as webAnnotation does", async () => {
    const mention = await db.annotation.findFirstOrThrow({ where: { claimId: w.cyrillic.id, deletedAt: null }, include: { article: { select: { text: true } } } });
    await db.annotation.update({ where: { id: mention.id }, data: { end: mention.article.text.length + 5 } });
    const access = await w.as(w.viewer);
    const out = await exportToString(access, "w3c", {}, at);
    expect(out).toBe(await expectedW3c());
    const item = JSON.parse(out).first.items.find((i: { id: string }) => i.id === `urn:claimtrail:annotation:${mention.id}`);
    expect(item.target.selector).toEqual([{ type: "TextQuoteSelector", exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix }]);
  });

  it("writes the claim page from an APP_URL holding SQL-like text (a literal in the query) as webAnnotation does", async () => {
    const saved = process.env.APP_URL;
    process.env.APP_URL = `https://proxy.example/a."id" c."statement" 'x'`;
    try {
      const access = await w.as(w.viewer);
      const out = await exportToString(access, "w3c", {}, at);
      expect(out).toContain(`"ct:page":"https://proxy.example/a.\\"id\\" c.\\"statement\\" 'x'/w/`);
      expect(out).toBe(await expectedW3c());
    } finally {
      if (saved === undefined) delete process.env.APP_URL;
      else process.env.APP_URL = saved;
    }
  });

  it("writes a claim whose id is not URL-safe, and a review state without a label, by the fallbacks, as webAnnotation does", async () => {
    // The app makes URL-safe ids and known states; ids and states from elsewhere (a restore, an old import) take the general path.
    const odd = `odd id/é"\\${w.formula.id}`;
    await db.$executeRaw`UPDATE "Claim" SET "id" = ${odd}, "reviewState" = 'legacy-state' WHERE "id" = ${w.formula.id}`;
    try {
      const access = await w.as(w.viewer);
      const out = await exportToString(access, "w3c", {}, at);
      expect(out).toContain(`/claims/${encodeURIComponent(odd)}",`);
      expect(out).toContain(`"ct:reviewState":"legacy-state"`);
      expect(out).not.toContain(`"legacy-state","ct:reviewStateLabel"`);
      expect(out).toBe(await expectedW3c());
    } finally {
      await db.$executeRaw`UPDATE "Claim" SET "id" = ${w.formula.id}, "reviewState" = ${w.formula.reviewState} WHERE "id" = ${odd}`;
    }
  });

  it("tagBodiesSql gives what one string_agg over the array gives, for any array (NULL elements, other lower bounds, two dimensions)", async () => {
    const aggregate = (tags: string) =>
      `COALESCE((SELECT string_agg(',{"type":"TextualBody","value":' || to_json(t)::text || ',"purpose":"tagging"}', '' ORDER BY i) FROM unnest(${tags}) WITH ORDINALITY AS x(t, i)), '')`;
    const arrays = ["'{}'", "'{a}'", `'{a,"b\\"c",NULL}'`, "'{1,2,3,4}'", "'{1,2,3,4,5}'", "'{NULL}'", "'[0:1]={x,y}'", "'[3:4]={x,y}'", "'{{a,b},{c,d}}'", "NULL"];
    for (const a of arrays) {
      const [row] = await exportRows<{ ours: string; theirs: string }>(
        Prisma.sql`SELECT ${Prisma.raw(tagBodiesSql(`t.tags`))} AS ours, ${Prisma.raw(aggregate(`t.tags`))} AS theirs FROM (SELECT ${Prisma.raw(a)}::text[] AS tags) t`,
      );
      expect(row.ours, a).toBe(row.theirs);
    }
  });
});
