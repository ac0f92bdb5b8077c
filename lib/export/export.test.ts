import { HISTORY_FEED_KINDS } from "@/lib/claims/claim-changes";
import { parse as parseCsv } from "csv-parse/sync";
import jsonld from "jsonld";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { makeMember, makeUser } from "@/lib/testing/fixtures";
import * as exportRoute from "@/app/api/w/[slug]/export/route";
import * as countRoute from "@/app/api/w/[slug]/export/count/route";
import { stringify } from "csv-stringify/sync";
import { CSV_BOM, CSV_COLUMNS, CSV_JOINER, csvRow, OPTIONS } from "./formats/csv";
import { claimBatches } from "./batches";
import { exportContext } from "./context";
import { jsonlRecord } from "./formats/jsonl";
import { claimReview, reviewedClaimsSql } from "./formats/claimreview";
import { inlineSql } from "./copy-stream";
import { addComment, addRelation, addSource, attachMention, removeRelation } from "@/lib/claims";
import { Prisma } from "@/lib/db/generated/client";
import { countExportSet, exportResponse, exportSet, exportToString } from "./index";
import { claimWorld, explanation, source } from "@/lib/claims/test-world";
import { expectedW3cText, exportWorld, CYRILLIC, FORMULA_STATEMENT, TRICKY_STATEMENT } from "./export-world";
import { offlineDocumentLoader } from "./jsonld-loader";
import { claimRanges, PARTS } from "./ranges";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
afterEach(() => {
  session.user = null;
});

type World = Awaited<ReturnType<typeof exportWorld>>;
let w: World;
const at = new Date("2025-06-01T12:00:00.000Z");
beforeAll(async () => {
  w = await exportWorld();
});

const viewerAccess = () => w.as(w.viewer);
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe("choosing a set", () => {
  it("counts every article, live highlight and live claim when nothing is filtered", async () => {
    const access = await viewerAccess();
    expect(await countExportSet(access, {})).toEqual({ articles: 3, annotations: 7, claims: 3 });
  });

  it("filters by verdict (none included), review state, tags, claimant, dates and 'only with a verdict'", async () => {
    const access = await viewerAccess();
    const claimsOf = async (params: string) => ids(JSON.parse(await exportToString(access, "bundle", new URLSearchParams(params), at)).claims);
    const { approved, formula, cyrillic } = w;
    expect(await claimsOf("verdict=none")).toEqual([cyrillic.id]);
    expect(await claimsOf("verdict=mostly-false,none")).toEqual(ids([approved, cyrillic]));
    expect(await claimsOf("reviewState=approved")).toEqual(ids([approved, formula]));
    expect(await claimsOf("withVerdict=true")).toEqual(ids([approved, formula]));
    expect(await claimsOf("tag=economy&tag=transport")).toEqual(ids([approved, cyrillic]));
    // Tags match whatever their case, as in the claims list.
    expect(await claimsOf("tag=ECONOMY&tag=Transport")).toEqual(ids([approved, cyrillic]));
    expect(await countExportSet(access, new URLSearchParams("tag=TRANSPORT"))).toEqual(await countExportSet(access, new URLSearchParams("tag=transport")));
    expect(await claimsOf("claimant=COUNCIL")).toEqual([approved.id]);
    expect(await claimsOf("dateField=claimDate&from=2024-01-01&to=2024-02-20")).toEqual([approved.id]);
    expect(await claimsOf("dateField=claimDate&to=2023-12-31")).toEqual([cyrillic.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await claimsOf(`dateField=createdAt&from=${today}&to=${today}`)).toEqual(ids([approved, formula, cyrillic]));
    expect(await claimsOf(`articles=${w.b.id}`)).toEqual(ids([approved, cyrillic]));
  });

  it("with chosen articles, holds only those articles and the highlights on them", async () => {
    const access = await viewerAccess();
    expect(await countExportSet(access, { articles: [w.b.id] })).toEqual({ articles: 1, annotations: 2, claims: 2 });
    const line = (await exportToString(access, "jsonl", { articles: [w.b.id] })).split("\n").find((l) => l.includes(w.approved.id))!;
    expect(JSON.parse(line).mentions.map((m: { article: { id: string } }) => m.article.id)).toEqual([w.b.id]);
  });

  it("with a claim filter, holds only the articles and highlights of the claims it keeps", async () => {
    const access = await viewerAccess();
    expect(await countExportSet(access, { verdict: ["none"] })).toEqual({ articles: 1, annotations: 1, claims: 1 });
    const bundle = JSON.parse(await exportToString(access, "bundle", { verdict: ["none"] }, at));
    expect(bundle.articles.map((a: { id: string }) => a.id)).toEqual([w.b.id]);
    expect(bundle.annotations.map((a: { claimId: string }) => a.claimId)).toEqual([w.cyrillic.id]);
  });

  it("refuses bad filters with 400 naming the field", async () => {
    const access = await viewerAccess();
    await expect(countExportSet(access, new URLSearchParams("verdict=maybe"))).rejects.toMatchObject({ status: 400, fields: { verdict: expect.any(String) } });
    await expect(countExportSet(access, new URLSearchParams("from=2024-05-01&to=2024-04-01"))).rejects.toMatchObject({ status: 400, fields: { to: expect.any(String) } });
  });
});

const iso = z.iso.datetime();
const selector = z.discriminatedUnion("type", [
  z.object({ type: z.literal("TextPositionSelector"), start: z.number().int().min(0), end: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal("TextQuoteSelector"), exact: z.string().min(1), prefix: z.string(), suffix: z.string() }).strict(),
]);
const bundleSchema = z
  .object({
    format: z.literal("claimtrail-bundle"),
    version: z.literal(1),
    exportedAt: iso,
    workspace: z.object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: iso, verdictLabels: z.record(z.string(), z.string()), verdictLabelsByLocale: z.record(z.string(), z.record(z.string(), z.string())) }).strict(),
    filters: z.record(z.string(), z.unknown()),
    articles: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          publisher: z.string().nullable(),
          author: z.string().nullable(),
          url: z.string().nullable(),
          publishedAt: iso.nullable(),
          language: z.string().nullable(),
          tags: z.array(z.string()),
          contentHash: z.string(),
          revision: z.number().int(),
          createdById: z.string().nullable(),
          createdAt: iso,
          updatedAt: iso,
          doc: z.object({ type: z.literal("doc") }).loose(),
          text: z.string(),
          /** Where each PDF page starts in `text`; empty for other articles. */
          pageStarts: z.array(z.number().int().nonnegative()),
          revisions: z.array(z.object({ number: z.number(), title: z.string(), contentHash: z.string(), createdById: z.string().nullable(), createdAt: iso, doc: z.unknown(), text: z.string() }).strict()).optional(),
        })
        .strict(),
    ),
    annotations: z.array(
      z
        .object({
          id: z.string(),
          articleId: z.string(),
          claimId: z.string().nullable(),
          selectors: z.array(selector).min(1),
          status: z.enum(["exact", "moved", "fuzzy", "orphaned"]),
          anchoredRevision: z.number().int(),
          note: z.string().nullable(),
          createdById: z.string().nullable(),
          createdAt: iso,
          updatedAt: iso,
        })
        .strict(),
    ),
    claims: z.array(
      z
        .object({
          id: z.string(),
          statement: z.string(),
          claimant: z.string().nullable(),
          claimDate: iso.nullable(),
          reviewState: z.enum(["unreviewed", "in-review", "approved"]),
          verdict: z.string().nullable(),
          explanation: z.unknown(),
          explanationText: z.string(),
          tags: z.array(z.string()),
          assigneeId: z.string().nullable(),
          createdById: z.string().nullable(),
          approvedById: z.string().nullable(),
          approvedAt: iso.nullable(),
          version: z.number().int(),
          createdAt: iso,
          updatedAt: iso,
        })
        .strict(),
    ),
    sources: z.array(z.object({ id: z.string(), claimId: z.string(), url: z.string().nullable(), title: z.string(), kind: z.string(), stance: z.string(), createdAt: iso }).loose()),
    relations: z.array(z.object({ id: z.string(), fromId: z.string(), toId: z.string(), type: z.string(), note: z.string().nullable(), createdById: z.string().nullable(), createdAt: iso }).strict()),
    events: z.array(z.object({ id: z.string(), claimId: z.string(), kind: z.string(), data: z.record(z.string(), z.unknown()), actorId: z.string().nullable(), createdAt: iso }).strict()),
    comments: z.array(z.object({ id: z.string(), claimId: z.string(), authorId: z.string().nullable(), body: z.unknown(), bodyText: z.string(), createdAt: iso, updatedAt: iso }).strict()),
    tags: z.array(z.string()),
    people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() }).strict()),
  })
  .strict();

const byKey = <T extends { createdAt: string; id: string }>(rows: T[]) => [...rows].sort((x, y) => x.createdAt.localeCompare(y.createdAt) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));

describe("Claimtrail bundle", () => {
  it("holds the set as the database has it, ordered by creation, with everyone it names", async () => {
    const access = await viewerAccess();
    const bundle = bundleSchema.parse(JSON.parse(await exportToString(access, "bundle", { revisions: true }, at)));
    const ws = w.workspace.id;
    expect(bundle.workspace).toMatchObject({ id: ws, slug: w.workspace.slug });
    expect(bundle.workspace.verdictLabels["mostly-false"]).toBe("Misleading");

    const articles = await db.article.findMany({ where: { workspaceId: ws }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(bundle.articles.map((a) => a.id)).toEqual(articles.map((a) => a.id));
    expect(bundle.articles.map((a) => a.text)).toEqual(articles.map((a) => a.text));
    expect(bundle.articles[1]).toMatchObject({ url: "https://news.example/bridge", language: "en", publishedAt: "2024-03-01T00:00:00.000Z", revisions: [{ number: 1 }] });

    const annotations = await db.annotation.findMany({ where: { workspaceId: ws, deletedAt: null } });
    expect(ids(bundle.annotations)).toEqual(ids(annotations));
    for (const a of bundle.annotations) {
      const row = annotations.find((r) => r.id === a.id)!;
      expect(a.claimId).toBe(row.claimId);
      expect(a.selectors).toEqual([
        { type: "TextPositionSelector", start: row.start, end: row.end },
        { type: "TextQuoteSelector", exact: row.exact, prefix: row.prefix, suffix: row.suffix },
      ]);
      const text = bundle.articles.find((x) => x.id === a.articleId)!.text;
      expect(text.slice(row.start!, row.end!)).toBe(row.exact);
    }
    // Mentions of the merged claim moved to the survivor; the deleted claim's became plain highlights.
    expect(bundle.annotations.filter((a) => a.claimId === w.approved.id)).toHaveLength(3);
    expect(bundle.annotations.filter((a) => a.claimId === null)).toHaveLength(2);

    expect(bundle.claims.map((c) => c.id)).toEqual([w.approved.id, w.formula.id, w.cyrillic.id]);
    const approved = await db.claim.findUniqueOrThrow({ where: { id: w.approved.id } });
    expect(bundle.claims[0]).toMatchObject({
      statement: TRICKY_STATEMENT,
      claimant: "Council leader",
      claimDate: "2024-02-20T00:00:00.000Z",
      reviewState: "approved",
      verdict: "mostly-false",
      explanation: approved.explanation,
      explanationText: approved.explanationText,
      approvedById: w.reviewer.id,
      approvedAt: approved.approvedAt!.toISOString(),
      version: approved.version,
    });
    expect(bundle.sources.map((s) => s.claimId).sort()).toEqual([w.approved.id, w.formula.id].sort());
    expect(bundle.relations).toEqual([expect.objectContaining({ fromId: w.approved.id, toId: w.cyrillic.id, type: "contradicts" })]);
    expect(bundle.comments.map((c) => c.bodyText)).toEqual(["Checked with the traffic office."]);
    const events = await (await db.change.findMany({ where: { claimId: { in: [w.approved.id, w.formula.id, w.cyrillic.id] }, kind: { in: HISTORY_FEED_KINDS } } })).map((e) => ({ ...e, id: String(e.id) }));
    expect(ids(bundle.events)).toEqual(ids(events));
    // Articles and claims by (createdAt, id); children in their parents' order, then (createdAt, id).
    for (const section of [bundle.articles, bundle.claims] as { createdAt: string; id: string }[][]) expect(section).toEqual(byKey(section));
    const claimOrder = bundle.claims.map((c) => c.id);
    const articleOrder = bundle.articles.map((a) => a.id);
    const grouped = <T extends { createdAt: string; id: string }>(rows: T[], parent: (r: T) => string, order: string[]) =>
      order.flatMap((p) => byKey(rows.filter((r) => parent(r) === p)));
    expect(bundle.events).toEqual(grouped(bundle.events, (e) => e.claimId, claimOrder));
    expect(bundle.sources).toEqual(grouped(bundle.sources as { createdAt: string; id: string; claimId: string }[], (e) => e.claimId, claimOrder));
    expect(bundle.annotations).toEqual(grouped(bundle.annotations, (a) => a.articleId, articleOrder));
    expect(bundle.tags).toEqual(["economy", "transport"]);
    expect(ids(bundle.people)).toEqual(ids([w.admin, w.annotator, w.reviewer]));
    expect(bundle.people.find((p) => p.id === w.reviewer.id)).toEqual({ id: w.reviewer.id, name: w.reviewer.name, email: w.reviewer.email });
  });

  it("writes each claim event's data and actor as the feed holds them: `mentioned` left out, an account since removed as null", async () => {
    const own = await exportWorld();
    // Someone comments, then their account is removed: the feed keeps their id (Change.actorId has no foreign key).
    const { user: leaver } = await makeMember(own.workspace.id, "annotator");
    await addComment(await own.as(leaver), own.approved.id, { body: explanation("Seen on the council's site too.") });
    await db.user.delete({ where: { id: leaver.id } });
    const claims = [own.approved.id, own.formula.id, own.cyrillic.id];
    const rows = await db.change.findMany({ where: { claimId: { in: claims }, kind: { in: HISTORY_FEED_KINDS } } });
    expect(rows.filter((r) => r.actorId === leaver.id)).toHaveLength(1);
    const bundle = bundleSchema.parse(JSON.parse(await exportToString(await own.as(own.viewer), "bundle", {}, at)));
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    expect(bundle.events.map((e) => e.id).sort()).toEqual([...byId.keys()].sort());
    expect(bundle.events.filter((e) => e.kind === "commented")).toHaveLength(2);
    for (const e of bundle.events) {
      const row = byId.get(e.id)!;
      const { mentioned, ...data } = row.data as Record<string, unknown>;
      expect(mentioned === undefined).toBe(row.kind !== "comment.created");
      expect(e.data).toEqual(data);
      expect(e.actorId).toBe(row.actorId === leaver.id ? null : row.actorId);
    }
    expect(bundle.events.some((e) => e.actorId === null && byId.get(e.id)!.actorId === leaver.id)).toBe(true);
  });

  it("is identical for two exports of unchanged data, apart from exportedAt", async () => {
    const access = await viewerAccess();
    const one = await exportToString(access, "bundle", {}, new Date("2025-01-01T00:00:00Z"));
    const two = await exportToString(access, "bundle", {}, new Date("2025-02-02T00:00:00Z"));
    expect(one).not.toBe(two);
    expect(one.replace("2025-01-01T00:00:00.000Z", "X")).toBe(two.replace("2025-02-02T00:00:00.000Z", "X"));
  });
});

describe("JSON Lines", () => {
  it("has one claim per line with its mentions, sources, review state and labelled verdict", async () => {
    const access = await viewerAccess();
    const text = await exportToString(access, "jsonl");
    expect(text.endsWith("\n")).toBe(true);
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([w.approved.id, w.formula.id, w.cyrillic.id]);
    const [approved, formula, cyrillic] = lines;
    expect(approved).toMatchObject({ statement: TRICKY_STATEMENT, reviewState: "approved", verdict: "mostly-false", verdictLabel: "Misleading", rating: 2, tags: ["transport"] });
    expect(formula).toMatchObject({ statement: FORMULA_STATEMENT, verdict: "unverifiable", verdictLabel: "Unverifiable", rating: null });
    expect(cyrillic).toMatchObject({ statement: CYRILLIC, verdict: null, verdictLabel: null, rating: null, reviewState: "unreviewed" });
    const mentions = await db.annotation.findMany({ where: { claimId: w.approved.id, deletedAt: null }, include: { article: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(approved.mentions).toEqual(
      mentions.map((m) => ({
        annotationId: m.id,
        article: { id: m.article.id, title: m.article.title, url: m.article.url, publishedAt: m.article.publishedAt?.toISOString() ?? null },
        quote: { exact: m.exact, prefix: m.prefix, suffix: m.suffix },
        start: m.start,
        end: m.end,
        // No page: these articles aren't PDFs (Article.pageStarts is empty).
        page: null,
        status: m.status,
      })),
    );
    expect(approved.sources).toEqual([expect.objectContaining({ title: "Traffic count 2024", url: "https://example.org/count", kind: "dataset", stance: "refutes" })]);
  });
});

describe("JSON Lines written by PostgreSQL", () => {
  it("is byte for byte JSON.stringify of each claim's record, for every filter tried", async () => {
    const access = await viewerAccess();
    for (const filters of [{}, { articles: [w.b.id] }, { reviewState: ["approved" as const] }, { verdict: ["none" as const] }]) {
      const ctx = await exportContext(access, exportSet(access, filters), at);
      let expected = "";
      for await (const batch of claimBatches(ctx.set)) for (const c of batch) expected += JSON.stringify(jsonlRecord(ctx, c)) + "\n";
      expect(expected.length).toBeGreaterThan(0);
      expect(await exportToString(access, "jsonl", filters, at)).toBe(expected);
    }
  });
});

describe("CSV written by PostgreSQL", () => {
  afterEach(() => {
    PARTS.minClaims = 20_000;
  });

  it("is byte for byte csv-stringify of csvRow for claimBatches' claims, in one part and in two, white space and repeats at a cell's edges too", async () => {
    const cw = await claimWorld();
    const annotator = await cw.as(cw.annotator);
    // Articles titled alike (one title in the cell, at its first mention), a title starting with a space JavaScript's \s knows
    // and PostgreSQL's locale may not, one ending with a byte-order mark.
    const same = await cw.article();
    const spaced = await cw.article();
    const bom = await cw.article();
    await db.article.update({ where: { id: same.id }, data: { title: cw.first.title } });
    await db.article.update({ where: { id: spaced.id }, data: { title: "\u3000Ideographic, first" } });
    await db.article.update({ where: { id: bom.id }, data: { title: "Ends with a BOM\ufeff" } });
    let one = await cw.claim("about 40,000 vehicles a day");
    for (const [words, on] of [["Traders say", same], ["a third of their customers", spaced], ["the council leader said", bom], ["the closure will cost", same]] as const) {
      one = await attachMention(annotator, one.id, { annotationId: (await cw.highlight(words, on)).id, version: one.version });
    }
    one = await addSource(annotator, one.id, source(one.version, { url: "https://example.org/b" }));
    one = await addSource(annotator, one.id, source(one.version, { url: "https://example.org/a" }));
    one = await addSource(annotator, one.id, source(one.version, { url: "https://example.org/b" }));
    one = await addSource(annotator, one.id, source(one.version, { url: "https://example.org/gone" }));
    await db.source.updateMany({ where: { claimId: one.id, url: "https://example.org/gone" }, data: { url: "" } });
    const two = await cw.claim("Unemployment fell to 4.1 percent");
    const three = await cw.claim("the minister claimed");
    // Values the use cases would trim, written as an older version or another tool could have left them.
    await db.claim.update({ where: { id: two.id }, data: { statement: "\u2028Line separator first", claimant: "last\u00a0" } });
    await db.claim.update({ where: { id: three.id }, data: { statement: " -1 with a space first", claimant: "\u205fthen a formula? =1" } });
    const access = await cw.as(cw.viewer);
    for (const filters of [{}, { articles: [spaced.id] }, { verdict: ["none" as const] }]) {
      const ctx = await exportContext(access, exportSet(access, filters), at);
      const records: (string | number)[][] = [];
      for await (const batch of claimBatches(ctx.set)) for (const c of batch) records.push(csvRow(ctx, c));
      expect(records.length).toBeGreaterThan(0);
      const expected = CSV_BOM + stringify([[...CSV_COLUMNS], ...records], OPTIONS);
      expect(await exportToString(access, "csv", filters, at)).toBe(expected);
      PARTS.minClaims = 1;
      expect(await exportToString(access, "csv", filters, at)).toBe(expected);
      PARTS.minClaims = 20_000;
    }
    const [row] = parseCsv(await exportToString(access, "csv", {}, at), { bom: true, columns: true }) as Record<string, string>[];
    expect(row.Articles).toBe([cw.first.title, "\u3000Ideographic, first", "Ends with a BOM\ufeff"].join(CSV_JOINER));
    expect(row.Mentions).toBe("5");
    expect(row["Source URLs"]).toBe(["https://example.org/b", "https://example.org/a"].join(CSV_JOINER));
  });
});

describe("verdict labels in the export's language", () => {
  it("writes the workspace's label in the asked language, else the built-in name in it; the bundle carries every language", async () => {
    const access = await viewerAccess();
    const csvLabel = async (locale: "en" | "ru" | "uk") => (parseCsv(await exportToString(access, "csv", {}, at, locale), { bom: true, columns: true }) as Record<string, string>[]).map((r) => r["Verdict label"]);
    expect(await csvLabel("en")).toEqual(["Misleading", "Unverifiable", ""]);
    expect(await csvLabel("ru")).toEqual(["Манипуляция", "Невозможно проверить", ""]);
    // No Ukrainian label: the built-in Ukrainian name, not the English or Russian label.
    expect(await csvLabel("uk")).toEqual(["Здебільшого неправда", "Неможливо перевірити", ""]);

    const reviews = JSON.parse(await exportToString(access, "claimreview", {}, at, "ru")) as { reviewRating: { name: string; alternateName: string } }[];
    expect(reviews[0].reviewRating).toMatchObject({ name: "Манипуляция", alternateName: "Манипуляция" });

    const bundle = JSON.parse(await exportToString(access, "bundle", {}, at, "ru"));
    // verdictLabels stays the English names (what importers before per-language labels read); the languages beside it.
    expect(bundle.workspace.verdictLabels["mostly-false"]).toBe("Misleading");
    expect(bundle.workspace.verdictLabels.true).toBe("True");
    expect(bundle.workspace.verdictLabelsByLocale).toEqual({ en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } });
  });

  it("takes ?locale= from the request, and refuses a language it doesn't have naming the parameter", async () => {
    const access = await viewerAccess();
    const lines = async (res: Response) => (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l) as { verdictLabel: string | null });
    expect((await lines(await exportResponse(access, new URLSearchParams("format=jsonl&locale=ru"))))[0].verdictLabel).toBe("Манипуляция");
    // Without it, the caller's default (the cookie route passes the asker's UI language).
    expect((await lines(await exportResponse(access, new URLSearchParams("format=jsonl"), "uk")))[0].verdictLabel).toBe("Здебільшого неправда");
    const refused = await exportResponse(access, new URLSearchParams("format=jsonl&locale=de")).then(
      () => null,
      (e: unknown) => e as { status: number; fields: Record<string, string> },
    );
    expect(refused?.status).toBe(400);
    expect(Object.keys(refused?.fields ?? {})).toEqual(["locale"]);
  });
});

describe("CSV", () => {
  it("parses back to one row per claim, Excel-safe, with quotes, line breaks, commas and Cyrillic intact", async () => {
    const access = await viewerAccess();
    const text = await exportToString(access, "csv");
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toContain("\r\n");
    const rows: Record<string, string>[] = parseCsv(text, { bom: true, columns: true });
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r["Claim ID"])).toEqual([w.approved.id, w.formula.id, w.cyrillic.id]);
    const [approved, formula, cyrillic] = rows;
    expect(approved).toMatchObject({
      Statement: TRICKY_STATEMENT,
      Claimant: "Council leader",
      "Review state": "approved",
      Verdict: "mostly-false",
      "Verdict label": "Misleading",
      Rating: "2",
      Mentions: "3",
      Articles: `${w.a.title} | ${w.b.title}`,
      "Source URLs": "https://example.org/count",
    });
    const updated = await db.claim.findUniqueOrThrow({ where: { id: w.approved.id }, select: { updatedAt: true } });
    expect(approved["Last changed"]).toBe(updated.updatedAt.toISOString());
    // Formula injection: the statement, claimant and URL starting with = @ would run in a spreadsheet.
    expect(formula.Statement).toBe(`'${FORMULA_STATEMENT}`);
    expect(formula.Claimant).toBe("'@leader");
    expect(formula.Rating).toBe("");
    expect(cyrillic).toMatchObject({ Statement: CYRILLIC, Verdict: "", Articles: w.b.title, Mentions: "1" });
  });
});

describe("CSV and JSON Lines in parts", () => {
  afterEach(() => {
    PARTS.minClaims = 20_000;
  });

  it("are byte for byte the one-part files when the set is cut into parts run at once, for every filter tried", async () => {
    const access = await viewerAccess();
    for (const filters of [{}, { articles: [w.b.id] }, { reviewState: ["approved" as const] }, { verdict: ["none" as const] }]) {
      const csv = await exportToString(access, "csv", filters, at);
      const jsonl = await exportToString(access, "jsonl", filters, at);
      PARTS.minClaims = 1;
      const ranges = await claimRanges(exportSet(access, filters), 2);
      expect(ranges.length).toBe(Math.min(2, parseCsv(csv, { bom: true, columns: true }).length) || 1);
      expect(await exportToString(access, "csv", filters, at)).toBe(csv);
      expect(await exportToString(access, "jsonl", filters, at)).toBe(jsonl);
      PARTS.minClaims = 20_000;
    }
  });

  it("cuts the set so every claim is in exactly one part, in order, claims made in the same millisecond too", async () => {
    const cw = await claimWorld();
    const same = new Date("2026-03-01T10:00:00.000Z");
    await db.claim.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({ workspaceId: cw.workspace.id, statement: `Claim ${i}`, createdAt: i < 5 ? same : new Date(same.getTime() + i) })),
    });
    const set = exportSet(await cw.as(cw.annotator), {});
    const all = await db.claim.findMany({ where: { workspaceId: cw.workspace.id, deletedAt: null, mergedIntoId: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(all).toHaveLength(7);
    for (const parts of [2, 3]) {
      const ranges = await claimRanges(set, parts, 1);
      expect(ranges).toHaveLength(Math.min(parts, all.length));
      const seen: string[] = [];
      for (const range of ranges) {
        const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT c.id FROM "Claim" c WHERE ${set.claims} AND ${range} ORDER BY c."createdAt", c.id`);
        expect(rows.length).toBeGreaterThan(0);
        seen.push(...rows.map((r) => r.id));
      }
      expect(seen).toEqual(all.map((c) => c.id));
    }
  });
});

async function expand(doc: unknown) {
  return jsonld.expand(doc as object, { documentLoader: offlineDocumentLoader as never });
}

const OA = "http://www.w3.org/ns/oa#";
const AS = "http://www.w3.org/ns/activitystreams#";
const CT = "https://claimtrail.org/ns#";
type Node = Record<string, unknown[]> & { "@id"?: string; "@type"?: string[] };
const values = (node: Node, key: string) => (node[key] ?? []).map((v) => (v as { "@value"?: unknown; "@id"?: string })["@value"] ?? (v as { "@id"?: string })["@id"]);

describe("W3C Web Annotation", () => {
  it("is an AnnotationCollection with one valid annotation per mention, as a JSON-LD processor reads it", async () => {
    const access = await viewerAccess();
    const doc = JSON.parse(await exportToString(access, "w3c"));
    expect(doc["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(doc).toMatchObject({ type: "AnnotationCollection", total: 5, first: { type: "AnnotationPage", startIndex: 0 } });

    const [collection] = (await expand(doc)) as Node[];
    expect(collection["@type"]).toEqual([`${AS}OrderedCollection`]);
    expect(values(collection, `${AS}totalItems`)).toEqual([5]);
    const page = collection[`${AS}first`][0] as Node;
    expect(page["@type"]).toEqual([`${AS}OrderedCollectionPage`]);
    const items = (page[`${AS}items`][0] as { "@list": Node[] })["@list"];
    const mentions = await db.annotation.findMany({ where: { claimId: { in: [w.approved.id, w.formula.id, w.cyrillic.id] }, deletedAt: null }, include: { article: true } });
    expect(items.map((i) => i["@id"]).sort()).toEqual(mentions.map((m) => `urn:claimtrail:annotation:${m.id}`).sort());

    for (const item of items) {
      // The model's required fields: id, type Annotation, at least one target.
      expect(item["@id"]).toMatch(/^urn:claimtrail:annotation:/);
      expect(item["@type"]).toEqual([`${OA}Annotation`]);
      const m = mentions.find((x) => `urn:claimtrail:annotation:${x.id}` === item["@id"])!;
      const target = item[`${OA}hasTarget`][0] as Node;
      expect(values(target, `${OA}hasSource`)).toEqual([m.article.url ?? `urn:claimtrail:article:${m.article.id}`]);
      const selectors = target[`${OA}hasSelector`] as Node[];
      const position = selectors.find((s) => s["@type"]?.[0] === `${OA}TextPositionSelector`)!;
      const quote = selectors.find((s) => s["@type"]?.[0] === `${OA}TextQuoteSelector`)!;
      expect([values(position, `${OA}start`)[0], values(position, `${OA}end`)[0]].map(Number)).toEqual([m.start, m.end]);
      expect([values(quote, `${OA}exact`), values(quote, `${OA}prefix`), values(quote, `${OA}suffix`)]).toEqual([[m.exact], [m.prefix], [m.suffix]]);
      const bodies = item[`${OA}hasBody`] as Node[];
      const claim = bodies.find((b) => b["@type"]?.[0] === `${CT}Claim`)!;
      expect(claim["@id"]).toBe(`urn:claimtrail:claim:${m.claimId}`);
      const described = bodies.find((b) => values(b, `${OA}hasPurpose`)[0] === `${OA}describing`)!;
      expect(described["@type"]).toEqual([`${OA}TextualBody`]);
      expect(values(described, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value")).toEqual(values(claim, `${CT}statement`));
      const verdict = values(claim, `${CT}verdict`)[0];
      expect(values(item, `${OA}motivatedBy`)).toEqual([verdict ? `${OA}assessing` : `${OA}tagging`]);
    }
    const approvedItem = items.find((i) => (i[`${OA}hasBody`] as Node[]).some((b) => b["@id"] === `urn:claimtrail:claim:${w.approved.id}`))!;
    const claim = (approvedItem[`${OA}hasBody`] as Node[]).find((b) => b["@id"])!;
    expect([values(claim, `${CT}reviewState`), values(claim, `${CT}verdict`), values(claim, `${CT}verdictLabel`), values(claim, `${CT}rating`)]).toEqual([["approved"], ["mostly-false"], ["Misleading"], [2]]);
  });
});

const SCHEMA = "http://schema.org/";

describe("W3C written by PostgreSQL", () => {
  it("is byte for byte JSON.stringify of webAnnotation for each mention, article by article, for every filter tried", async () => {
    const access = await viewerAccess();
    for (const filters of [{}, { articles: [w.b.id] }, { reviewState: ["approved" as const] }, { verdict: ["none" as const] }]) {
      const { text: expected, items } = await expectedW3cText(access, filters, at);
      expect(items).toBeGreaterThan(0);
      expect(await exportToString(access, "w3c", filters, at)).toBe(expected);
    }
  });
});

describe("schema.org ClaimReview", () => {
  it("has one review per approved claim with a verdict, rated on the 1–5 scale only where the verdict has a rating", async () => {
    const access = await viewerAccess();
    const doc = JSON.parse(await exportToString(access, "claimreview"));
    expect(Array.isArray(doc)).toBe(true);
    expect(doc.map((r: { "@context": string }) => r["@context"])).toEqual(["https://schema.org", "https://schema.org"]);
    const expanded = (await expand(doc)) as Node[];
    expect(expanded).toHaveLength(2);
    for (const review of expanded) expect(review["@type"]).toEqual([`${SCHEMA}ClaimReview`]);
    const base = process.env.APP_URL || process.env.NEXTAUTH_URL || "http://localhost:3000";
    const url = (id: string) => `${base.replace(/\/+$/, "")}/w/${w.workspace.slug}/claims/${id}`;
    const [approved, formula] = expanded;

    expect(values(approved, `${SCHEMA}url`)).toEqual([url(w.approved.id)]);
    expect(values(approved, `${SCHEMA}claimReviewed`)).toEqual([TRICKY_STATEMENT]);
    const approvedRow = await db.claim.findUniqueOrThrow({ where: { id: w.approved.id } });
    expect(values(approved, `${SCHEMA}datePublished`)).toEqual([approvedRow.approvedAt!.toISOString().slice(0, 10)]);
    expect(values(approved, `${SCHEMA}inLanguage`)).toEqual(["en"]);
    const author = approved[`${SCHEMA}author`][0] as Node;
    expect([author["@type"], values(author, `${SCHEMA}name`)]).toEqual([[`${SCHEMA}Organization`], [w.workspace.name]]);
    const rating = approved[`${SCHEMA}reviewRating`][0] as Node;
    expect(rating["@type"]).toEqual([`${SCHEMA}Rating`]);
    expect(values(rating, `${SCHEMA}alternateName`)).toEqual(["Misleading"]);
    expect([values(rating, `${SCHEMA}ratingValue`), values(rating, `${SCHEMA}bestRating`), values(rating, `${SCHEMA}worstRating`)]).toEqual([[2], [5], [1]]);
    expect(values(rating, `${SCHEMA}ratingExplanation`)).toEqual(["Traffic counts show 31,000."]);

    const claim = approved[`${SCHEMA}itemReviewed`][0] as Node;
    expect(claim["@type"]).toEqual([`${SCHEMA}Claim`]);
    const claimant = claim[`${SCHEMA}author`][0] as Node;
    expect([claimant["@type"], values(claimant, `${SCHEMA}name`)]).toEqual([[`${SCHEMA}Person`], ["Council leader"]]);
    expect(values(claim, `${SCHEMA}datePublished`)).toEqual(["2024-02-20"]);
    // First appearance: the earlier-published article (B, January), though A's mention came first.
    const first = claim[`${SCHEMA}firstAppearance`][0] as Node;
    expect([values(first, `${SCHEMA}headline`), values(first, `${SCHEMA}datePublished`)]).toEqual([[w.b.title], ["2024-01-15"]]);
    const appearances = claim[`${SCHEMA}appearance`] as Node[];
    expect(appearances.map((a) => values(a, `${SCHEMA}headline`)[0]).sort()).toEqual([w.a.title, w.b.title].sort());
    expect(appearances.flatMap((a) => values(a, `${SCHEMA}url`))).toEqual(["https://news.example/bridge"]);
    expect(values(claim, `${SCHEMA}sameAs`)).toEqual([url(w.merged.id)]);
    expect(values(claim, `${CT}contradicts`)).toEqual([url(w.cyrillic.id)]);

    const formulaRating = formula[`${SCHEMA}reviewRating`][0] as Node;
    expect(values(formulaRating, `${SCHEMA}alternateName`)).toEqual(["Unverifiable"]);
    expect(formulaRating[`${SCHEMA}ratingValue`]).toBeUndefined();
    expect(formulaRating[`${SCHEMA}bestRating`]).toBeUndefined();
    expect(values(formula, `${SCHEMA}claimReviewed`)).toEqual([FORMULA_STATEMENT]);
  });

  it("is byte for byte JSON.stringify of claimReview for claimBatches' claims, relations both ways, for every filter tried", async () => {
    // formula → approved: an incoming relation on one reviewed claim, an outgoing one on the other.
    const annotator = await w.as(w.annotator);
    const version = async (id: string) => (await db.claim.findUniqueOrThrow({ where: { id } })).version;
    const related = await addRelation(annotator, w.formula.id, { version: await version(w.formula.id), toId: w.approved.id, type: "supports" });
    try {
      const access = await viewerAccess();
      for (const filters of [{}, { articles: [w.b.id] }, { articles: [w.a.id] }, { verdict: ["unverifiable" as const] }, { claimant: "leader" }]) {
        const ctx = await exportContext(access, exportSet(access, filters), at);
        const reviews: string[] = [];
        for await (const batch of claimBatches(ctx.set, { links: true, where: Prisma.sql`c."reviewState" = 'approved' AND c."verdict" IS NOT NULL` }))
          for (const c of batch) reviews.push(JSON.stringify(claimReview(ctx, c)));
        const expected = reviews.length ? `[\n${reviews.join(",\n")}\n]\n` : "[]\n";
        expect(await exportToString(access, "claimreview", filters, at)).toBe(expected);
      }
      const doc = JSON.parse(await exportToString(access, "claimreview", {}, at)) as Record<string, Record<string, unknown>>[];
      const relation = (r: Record<string, Record<string, unknown>>, term: string) => r.itemReviewed[`https://claimtrail.org/ns#${term}`];
      expect(relation(doc[0], "supportedBy")).toEqual([{ "@id": expect.stringContaining(w.formula.id) }]);
      expect(relation(doc[1], "supports")).toEqual([{ "@id": expect.stringContaining(w.approved.id) }]);
    } finally {
      const relationId = related.relations.find((r) => r.other.id === w.approved.id)?.id;
      if (relationId) await removeRelation(annotator, w.formula.id, relationId, { version: await version(w.formula.id) });
    }
  });

  it("streams: the reviewed claims come in index order, never sorted whole before the first goes out", async () => {
    type PlanNode = { "Node Type": string; "Parent Relationship"?: string; Plans?: PlanNode[] };
    // The nodes rows pass through on their way out; a claim's subqueries (its mentions, relations) may sort their few rows.
    const outerPath = (n: PlanNode): string[] => [n["Node Type"], ...(n.Plans ?? []).filter((p) => p["Parent Relationship"] !== "SubPlan").flatMap(outerPath)];
    const access = await viewerAccess();
    for (const filters of [{}, { articles: [w.b.id] }, { claimant: "leader" }, { tags: ["economy"] }]) {
      const sql = inlineSql(reviewedClaimsSql(await exportContext(access, exportSet(access, filters), at)));
      const [{ "QUERY PLAN": plan }] = await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_sort = off"); // what copyTuples' inIndexOrder sets for the export's session
        return tx.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${sql}`);
      });
      const path = outerPath(plan[0].Plan);
      expect(path, JSON.stringify(filters)).not.toContain("Sort");
      expect(path.some((type) => type.startsWith("Index")), JSON.stringify(filters)).toBe(true);
    }
  });

  it("never puts the verdict into claimReviewed", async () => {
    const doc = JSON.parse(await exportToString(await viewerAccess(), "claimreview"));
    for (const r of doc) expect(r.claimReviewed).not.toMatch(/misleading|false|true|unverifiable/i);
  });
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
function get(handler: Handler, query: string) {
  return handler(new Request(`http://localhost/api/w/${w.workspace.slug}/export${query}`), { params: Promise.resolve({ slug: w.workspace.slug }) });
}

describe("export routes", () => {
  it("stream each format as an attachment, byte for byte what the generator builds", async () => {
    session.user = w.viewer;
    const access = await viewerAccess();
    const today = new Date().toISOString().slice(0, 10);
    for (const [format, ext, type] of [
      ["jsonl", "jsonl", "application/jsonl"],
      ["csv", "csv", "text/csv"],
      ["w3c", "annotations.jsonld", "application/ld+json"],
      ["claimreview", "claimreview.jsonld", "application/ld+json"],
      ["bundle", "claimtrail.json", "application/json"],
    ] as const) {
      const res = await get(exportRoute.GET as Handler, `?format=${format}&reviewState=approved,unreviewed`);
      expect(res.status, format).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${w.workspace.slug}-${today}.${ext}"`);
      expect(res.body).toBeInstanceOf(ReadableStream);
      const streamed = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
      const built = await exportToString(access, format, { reviewState: ["approved", "unreviewed"] }, at);
      // Only the bundle and the W3C collection carry the export time.
      const stamp = (s: string) => s.replace(/"exportedAt":"[^"]+"/, "").replace(/urn:claimtrail:export:[^"]+/g, "").replace(/"generated":"[^"]+"/, "");
      expect(stamp(streamed), format).toBe(stamp(built));
    }
  });

  it("read in keyset pages that together hold every claim once, in order", async () => {
    const set = exportSet(await viewerAccess(), {});
    const pages: string[][] = [];
    for await (const page of claimBatches(set, { size: 1 })) pages.push(page.map((c) => c.id));
    expect(pages).toEqual([[w.approved.id], [w.formula.id], [w.cyrillic.id]]);
    const whole: string[] = [];
    for await (const page of claimBatches(set)) whole.push(...page.map((c) => c.id));
    expect(whole).toEqual(pages.flat());
  });

  it("count the set, refuse unknown formats (400) and non-members (404)", async () => {
    session.user = w.viewer;
    const count = await get(countRoute.GET as Handler, "?verdict=none");
    expect(await count.json()).toEqual({ articles: 1, annotations: 1, claims: 1 });
    const bad = await get(exportRoute.GET as Handler, "?format=xml");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.format).toBeDefined();
    // A misspelt filter is refused, naming it, never ignored (which would export the whole set); nothing recorded.
    const events = () => db.change.count({ where: { workspaceId: w.workspace.id, kind: "export.created" } });
    const before = await events();
    for (const [handler, query, named] of [
      [exportRoute.GET, "?format=csv&reviewstate=approved", ["reviewstate"]],
      [exportRoute.GET, "?format=jsonl&verdicts=false&limit=5&tag=a", ["verdicts", "limit"]],
      [countRoute.GET, "?reviewstate=approved", ["reviewstate"]],
      [countRoute.GET, "?tags=economy", ["tags"]],
    ] as const) {
      const res = await get(handler as Handler, query);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const body = (await res.json()) as { errors: Record<string, string> };
      expect(Object.keys(body.errors), query).toEqual(named);
      expect(body.errors[named[0]]).toMatch(/Not taken here/);
    }
    expect(await events()).toBe(before);
    expect((await get(countRoute.GET as Handler, "?reviewState=approved&format=csv&locale=ru")).status).toBe(200);
    // A format the export refuses is refused by the count too, named (black-box, session 30).
    for (const query of ["?format=nope", "?format="]) {
      const refused = await get(countRoute.GET as Handler, query);
      expect(refused.status, query).toBe(400);
      expect(Object.keys(((await refused.json()) as { errors: Record<string, string> }).errors), query).toEqual(["format"]);
    }
    session.user = await makeUser();
    expect((await get(exportRoute.GET as Handler, "?format=jsonl")).status).toBe(404);
    session.user = null;
    expect((await get(exportRoute.GET as Handler, "?format=jsonl")).status).toBe(401);
  });
});
