import { createTranslator } from "next-intl";
import ruUi from "@/messages/ru/ui.json";
import type { FieldCodes } from "@/lib/http/error-codes";
import { localizeFields, type ErrorTranslator } from "@/lib/http/localize-error";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { deleteClaim } from "./delete-claim";
import { listClaims } from "./list-claims";
import { claimWorld, rejection } from "./test-world";
import { createClaimSchema } from "./schemas";
import { listWorkspaceTags } from "./workspace-tags";

describe("the claims list's tag filter", () => {
  it("matches a tag whatever its case, and only whole tags", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const upper = await w.claim("about 40,000 vehicles a day", { tags: ["Traffic"] });
    const lower = await w.claim("a third of their customers", { tags: ["traffic", "economy"] });
    const longer = await w.claim("€12 million", { tags: ["traffic-safety"] });
    const ids = async (tag: string) => (await listClaims(a, { tag })).items.map((i) => i.id).sort();
    expect(await ids("TRAFFIC")).toEqual([upper.id, lower.id].sort());
    expect(await ids("traffic")).toEqual([upper.id, lower.id].sort());
    expect(await ids("Economy")).toEqual([lower.id]);
    expect(await ids("traffic-SAFETY")).toEqual([longer.id]);
    expect(await ids("traff")).toEqual([]);
    expect(await ids("nobody uses this")).toEqual([]);
  });

  it("suggests the workspace's tags from live claims, each spelling once, alphabetically", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const other = await claimWorld();
    await other.claim("about 40,000 vehicles a day", { tags: ["elsewhere"] });
    expect(await listWorkspaceTags(a)).toEqual([]);
    await w.claim("about 40,000 vehicles a day", { tags: ["traffic", "Budget"] });
    await w.claim("a third of their customers", { tags: ["traffic", "economy"] });
    const gone = await w.claim("€12 million", { tags: ["withdrawn"] });
    await deleteClaim(await w.as(w.admin), gone.id, { version: gone.version });
    expect(await listWorkspaceTags(a)).toEqual(["Budget", "economy", "traffic"]);
  });
});

describe("the workspace's tag counts (kept by triggers on Claim)", () => {
  it("equal a recount of standing claims through tag edits, deletes, restores, merges and removals", async () => {
    const w = await claimWorld();
    const counts = async () =>
      Object.fromEntries((await db.workspaceTag.findMany({ where: { workspaceId: w.workspace.id, claimCount: { gt: 0 } } })).map((t) => [t.tag, t.claimCount]));
    const recount = async () =>
      Object.fromEntries(
        (
          await db.$queryRaw<{ tag: string; n: number }[]>`
            SELECT t.tag, count(*)::int AS n FROM "Claim" c, LATERAL (SELECT DISTINCT unnest(c.tags) AS tag) t
             WHERE c."workspaceId" = ${w.workspace.id} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL GROUP BY t.tag`
        ).map((r) => [r.tag, r.n]),
      );
    const a = await w.claim("about 40,000 vehicles a day", { tags: ["traffic", "Budget"] });
    const b = await w.claim("a third of their customers", { tags: ["traffic", "traffic"] });
    const c = await w.claim("€12 million", { tags: ["economy"] });
    expect(await counts()).toEqual({ traffic: 2, Budget: 1, economy: 1 });
    await db.claim.update({ where: { id: a.id }, data: { tags: ["budget", "economy"] } });
    await db.claim.update({ where: { id: b.id }, data: { deletedAt: new Date() } });
    await db.claim.update({ where: { id: c.id }, data: { mergedIntoId: a.id } });
    expect(await counts()).toEqual(await recount());
    expect(await counts()).toEqual({ budget: 1, economy: 1 });
    await db.claim.updateMany({ where: { id: { in: [b.id, c.id] } }, data: { deletedAt: null, mergedIntoId: null } });
    expect(await counts()).toEqual({ budget: 1, economy: 2, traffic: 1 });
    await db.claim.update({ where: { id: a.id }, data: { verdict: "false" } });
    expect(await counts()).toEqual(await recount());
  });
});

describe("a claim's tags", () => {
  it("keep one spelling per tag, the first given, since matching ignores case", () => {
    expect(createClaimSchema.parse({ annotationId: "c123", tags: ["Health", "budget", "health", " Budget "] }).tags).toEqual(["Health", "budget"]);
  });
});

describe("invalid filter values", () => {
  it("name the filter and the refused value, in the message and per parameter", async () => {
    const w = await claimWorld();
    const a = await w.as(w.annotator);
    const one = await rejection(listClaims(a, { reviewState: "foo" }), 400);
    expect(one.fields).toEqual({ reviewState: "Review state: “foo” is not one of unreviewed, in-review, approved, changes-requested." });
    expect(one.message).toBe("Review state: “foo” is not one of unreviewed, in-review, approved, changes-requested.");
    // …and each parameter's code, from which the claims page says the same in the reader's language.
    expect(one.extra.fieldCodes).toEqual({ reviewState: { code: "not_allowed" } });
    expect((await rejection(listClaims(a, { verdict: "none,maybe" }), 400)).fields).toEqual({
      verdict: "Verdict: “maybe” is not one of true, mostly-true, mixed, mostly-false, false, unverifiable, not-a-claim, none.",
    });

    const many = await rejection(
      // As the page and the API pass them: the URL's query parameters.
      listClaims(a, Object.fromEntries(new URLSearchParams({ sort: "oldest", hasSources: "perhaps", deleted: "yes", assignee: "<me>", articleId: "a b", limit: "500", cursor: "not-a-cursor", tag: "x".repeat(51) }))),
      400,
    );
    expect(many.fields).toEqual({
      sort: "Sort: “oldest” is not one of updated, created, statement.",
      hasSources: "Sources: “perhaps” is not one of true, false.",
      deleted: "Deleted: “yes” is not one of true, false.",
      assignee: "Assignee: “<me>” is not me, none or a member's id.",
      articleId: "Article: “a b” is not an article id.",
      limit: "Limit: give a whole number from 1 to 100.",
      cursor: "Page: this link's page cursor is not valid for this list; start from the first page.",
      tag: "Tag: keep it under 50 characters.",
    });
    expect(many.message).toMatch(/^Some filters are invalid: /);
    for (const m of Object.values(many.fields)) expect(many.message).toContain(m);
    // The id filters and the cursor have codes of their own, with the refused value: the claims page says them whole in Russian.
    expect(many.extra.fieldCodes).toMatchObject({
      assignee: { code: "assignee_filter", params: { value: "<me>" } },
      articleId: { code: "article_filter", params: { value: "a b" } },
      cursor: { code: "invalid_cursor" },
    });
    const ru = createTranslator({ locale: "ru", messages: { ui: ruUi } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;
    const shown = localizeFields(many.fields, many.extra.fieldCodes as FieldCodes, "ru", ru);
    expect(shown.assignee).toBe("«<me>» — это не me, не none и не id участника.");
    expect(shown.articleId).toBe("«a b» — это не id статьи.");
  });
});
