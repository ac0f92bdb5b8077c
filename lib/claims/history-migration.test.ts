import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEvent } from "@/components/claims/describe-event";
import { parseChange } from "@/lib/changes";
import { PrismaClient } from "@/lib/db/generated/client";
import { migrate } from "@/lib/db/migrate";
import { databaseBefore, onDatabase as onServer } from "@/lib/testing/database-before";
import { readClaimChanges } from "./claim-changes";
import type { Verdict } from "./verdicts";

/**
 * Migration claim_history_on_change_feed on an installation that has history:
 * a database at the migration before it, with ClaimEvent rows of every kind,
 * then migrated. The claim's history must read as it did, from the feed.
 */
const THIS = "claim_history_on_change_feed";

const LABELS = { true: "True", "mostly-true": "Mostly true", mixed: "Mixed", "mostly-false": "Mostly false", false: "False", unverifiable: "Unverifiable", "not-a-claim": "Not a claim" } as Record<Verdict, string>;

describe("migration claim_history_on_change_feed", () => {
  let url: string;
  let drop: () => Promise<void>;
  let client: PrismaClient;

  beforeAll(async () => {
    ({ url, drop } = await databaseBefore(THIS));
  });

  afterAll(async () => {
    await client?.$disconnect();
    await drop?.();
  });

  it("copies every old event onto the feed as its typed kind, numbered oldest first, and the history reads as before", async () => {
    const events: [string, string | null, Record<string, unknown>][] = [
      ["created", "u1", { annotationId: "n1", articleId: "a1", statement: "40,000 vehicles a day", version: 1 }],
      ["edited", "u1", { field: "assignee", from: null, to: { id: "u2", name: "Rita Reviewer" }, version: 2 }],
      ["mention-added", "u1", { annotationId: "n2", articleId: "a1", exact: "the council leader said", version: 3 }],
      ["mention-removed", "u1", { annotationId: "n2", articleId: "a1", exact: "the council leader said", version: 4 }],
      ["verdict", "u1", { from: null, to: "mostly-false", note: null, version: 5 }],
      ["edited", "u1", { field: "explanation", from: "", to: "Counts say 31,000.", version: 5 }],
      ["source-added", "u1", { sourceId: "s1", title: "Traffic count 2024", url: "https://example.org/count", stance: "refutes", version: 6 }],
      ["source-edited", "u1", { sourceId: "s1", title: "Traffic count", changes: [{ field: "title", from: "Traffic count 2024", to: "Traffic count" }], version: 7 }],
      ["source-removed", "u1", { sourceId: "s1", title: "Traffic count", url: null, publisher: null, kind: "dataset", stance: "refutes", note: null, version: 8 }],
      ["relation-added", "u1", { relationId: "r1", type: "responds-to", direction: "outgoing", otherId: "c2", otherStatement: "A third of customers", note: null, version: 9 }],
      ["relation-removed", "u1", { relationId: "r1", type: "responds-to", direction: "outgoing", otherId: "c2", otherStatement: "A third of customers", note: null, version: 10 }],
      ["review-state", "u2", { from: "in-review", to: "unreviewed", note: "Which year?", commentId: "k1", version: 11 }],
      ["commented", "u2", { commentId: "k1" }],
      ["merged", "u2", { from: "c3", fromStatement: "About 40k a day", fromClaimant: null, fromReviewState: "unreviewed", fromVerdict: null, fromExplanation: "", mentions: 1, sources: 0, comments: 0, relations: 0, relationsDropped: [], tagsAdded: [], version: 12 }],
      ["deleted", "u2", { mentionIds: ["n1"], version: 13 }],
      ["restored", null, { reattached: ["n1"], notReattached: [], version: 14 }],
    ];
    await onServer(url, async (c) => {
      await c.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('u1', 'ana@example.org', 'Ana Annotator', 'x', now()), ('u2', 'rita@example.org', 'Rita Reviewer', 'x', now())`);
      await c.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ('w1', 'w1', 'Newsroom'), ('w2', 'w2', 'Other')`);
      await c.query(`INSERT INTO "Claim" (id, "workspaceId", statement, "updatedAt") VALUES ('c1', 'w1', '40,000 vehicles a day', now()), ('c2', 'w1', 'A third of customers', now()), ('c9', 'w2', 'Elsewhere', now())`);
      // Inserted out of time order: the feed numbers them by when they happened.
      for (const [i, [kind, actor, data]] of [...events.entries()].reverse()) {
        await c.query(`INSERT INTO "ClaimEvent" (id, "claimId", "actorId", kind, data, "createdAt") VALUES ($1, 'c1', $2, $3, $4, $5)`, [
          `e${String(i).padStart(2, "0")}`,
          actor,
          kind,
          JSON.stringify(data),
          new Date(Date.UTC(2024, 0, 1, 0, i)),
        ]);
      }
      await c.query(`INSERT INTO "ClaimEvent" (id, "claimId", "actorId", kind, data, "createdAt") VALUES ('x1', 'c9', 'u1', 'created', $1, now())`, [
        JSON.stringify({ annotationId: null, articleId: null, statement: "Elsewhere", version: 1 }),
      ]);
    });

    await migrate(url);
    expect(await onServer(url, async (c) => (await c.query(`SELECT to_regclass('"ClaimEvent"') AS t`)).rows[0].t)).toBeNull();

    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    const history = await readClaimChanges(client, ["c1"], { take: 100 });
    // Newest first, as the claim page shows it; every old event is there with its kind, data, actor and time.
    expect(history.map((e) => [e.kind, e.actor?.name ?? null, e.createdAt])).toEqual(
      events.map(([kind, actor], i) => [kind, actor === "u1" ? "Ana Annotator" : actor === "u2" ? "Rita Reviewer" : null, new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString()]).reverse(),
    );
    for (const [i, e] of [...history].reverse().entries()) expect(e.data).toEqual({ ...events[i][2], ...(e.kind === "commented" ? { mentioned: [] } : {}) });
    expect([...history].reverse().map((e) => describeEvent(e, LABELS, "en"))).toEqual([
      "created the claim",
      "changed the assignee from “—” to “Rita Reviewer”",
      "added a mention: “the council leader said”",
      "removed a mention: “the council leader said”",
      "changed the verdict from no verdict to Mostly false",
      "changed the explanation from “—” to “Counts say 31,000.”",
      "added a source: Traffic count 2024",
      "edited a source: Traffic count (title)",
      "removed a source: Traffic count",
      "linked “A third of customers” (responds-to)",
      "unlinked “A third of customers” (responds-to)",
      "moved it from In review to Unreviewed",
      "commented",
      "merged “About 40k a day” into this claim",
      "deleted the claim",
      "restored the claim",
    ]);

    // On the feed: typed kinds, subjects in their columns, seq 1… per workspace in the order things happened.
    const rows = await client.change.findMany({ where: { workspaceId: "w1" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => Number(r.seq))).toEqual(events.map((_, i) => i + 1));
    expect(rows.map((r) => [r.kind, r.claimId, r.articleId, r.subjectId])).toEqual([
      ["claim.created", "c1", "a1", "n1"],
      ["claim.edited", "c1", null, null],
      ["claim.mention-added", "c1", "a1", "n2"],
      ["claim.mention-removed", "c1", "a1", "n2"],
      ["claim.verdict", "c1", null, null],
      ["claim.edited", "c1", null, null],
      ["claim.source-added", "c1", null, "s1"],
      ["claim.source-edited", "c1", null, "s1"],
      ["claim.source-removed", "c1", null, "s1"],
      ["claim.relation-added", "c1", null, "r1"],
      ["claim.relation-removed", "c1", null, "r1"],
      ["claim.review-state", "c1", null, null],
      ["comment.created", "c1", null, "k1"],
      ["claim.merged", "c1", null, "c3"],
      ["claim.deleted", "c1", null, null],
      ["claim.restored", "c1", null, null],
    ]);
    const other = await client.change.findMany({ where: { workspaceId: "w2" } });
    expect(other.map((r) => [r.kind, r.claimId, Number(r.seq)])).toEqual([["claim.created", "c9", 1]]);
    expect((await client.changeCounter.findMany({ orderBy: { workspaceId: "asc" } })).map((r) => [r.workspaceId, Number(r.seq)])).toEqual([
      ["w1", 16],
      ["w2", 1],
    ]);
    // Every row fits its kind's schema, as the feed's readers parse it.
    expect(rows.map((r) => parseChange(r).kind)).toEqual(rows.map((r) => r.kind));
  });
});
