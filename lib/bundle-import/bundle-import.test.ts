import { createTranslator } from "next-intl";
import ruUi from "@/messages/ru/ui.json";
import { localizeError, type ErrorTranslator } from "@/lib/http/localize-error";
import { HISTORY_FEED_KINDS, historyKindOf } from "@/lib/claims/claim-changes";
import { beforeAll, describe, expect, it } from "vitest";
import { authorize, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { makeUser, makeWorkspace, uniqueEmail, type FixtureUser } from "@/lib/testing/fixtures";
import { IMPORT_TIMEOUT_BASE_MS, importTimeoutMs } from "./apply";
import { applyImport, importBundle, validateBundle, type Bundle } from "./index";
import { importWorld } from "./import-world";
import { normaliseBundle } from "./normalise";
import { docFromParagraphs } from "@/lib/articles/document";
import { updateArticle } from "@/lib/articles/update-article";
import type { SectionName } from "./schema";

type World = Awaited<ReturnType<typeof importWorld>>;
let w: World;
let bundle: Bundle;

beforeAll(async () => {
  w = await importWorld();
  bundle = await w.exportAll(w.admin);
});

const copy = (): Bundle => structuredClone(bundle);

/** An empty workspace (owned by `owner`, by default the world's admin) with the given members. */
async function target(members: { user: FixtureUser; role: "annotator" | "reviewer" }[] = [], owner: FixtureUser = w.admin) {
  const { workspace } = await makeWorkspace(owner);
  for (const m of members) await db.membership.create({ data: { workspaceId: workspace.id, userId: m.user.id, role: m.role } });
  const access = await authorize(owner.id, workspace.slug, "workspace.view");
  return { workspace, access };
}

async function rowsIn(workspaceId: string) {
  const claims = { claim: { workspaceId } };
  return {
    articles: await db.article.count({ where: { workspaceId } }),
    revisions: await db.articleRevision.count({ where: { article: { workspaceId } } }),
    annotations: await db.annotation.count({ where: { workspaceId } }),
    claims: await db.claim.count({ where: { workspaceId } }),
    sources: await db.source.count({ where: claims }),
    relations: await db.claimRelation.count({ where: { workspaceId } }),
    events: await db.change.count({ where: { workspaceId, kind: { in: HISTORY_FEED_KINDS } } }),
    comments: await db.claimComment.count({ where: claims }),
  };
}

const EMPTY = { articles: 0, revisions: 0, annotations: 0, claims: 0, sources: 0, relations: 0, events: 0, comments: 0 };

async function rejected(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe("the world's bundle", () => {
  it("holds everything the round trip must carry", () => {
    expect(bundle.articles).toHaveLength(3);
    expect(bundle.articles[0].revision).toBe(2);
    expect(bundle.articles[0].revisions).toHaveLength(2);
    expect(new Set(bundle.annotations.map((a) => a.status))).toEqual(new Set(["moved", "orphaned", "exact"]));
    expect(bundle.claims.map((c) => c.reviewState)).toContain("approved");
    expect(bundle.relations).toHaveLength(1);
    expect(bundle.sources).toHaveLength(1);
    expect(bundle.comments).toHaveLength(1);
    expect(bundle.events.map((e) => e.kind)).toEqual(expect.arrayContaining(["created", "mention-added", "edited", "verdict", "source-added", "review-state", "relation-added", "merged", "commented"]));
  });
});

describe("validation", () => {
  it("refuses what isn't a bundle, naming the path", () => {
    const r = validateBundle({ format: "something-else", version: 2 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["format", "version", "articles", "claims"]));
    // Each with its code, so the dry run says it in the reader's language.
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "format", code: "bundle_format" }),
        expect.objectContaining({ path: "version", code: "bundle_version" }),
        expect.objectContaining({ path: "articles", code: "required" }),
      ]),
    );
  });

  it("reports shape errors and broken references with their paths", () => {
    const b = copy() as unknown as Record<string, Record<string, unknown>[]>;
    b.claims[0].verdict = "maybe";
    b.annotations[1].claimId = "nope";
    // A missing claim named by several highlights, before the claims are read: each place is reported.
    b.annotations[2].claimId = "gone";
    b.annotations[3].claimId = "gone";
    b.relations[0].toId = "missing";
    b.events[0].actorId = "ghost";
    let r = validateBundle(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain("claims.0.verdict");

    b.claims[0].verdict = null;
    r = validateBundle(b);
    if (r.ok) throw new Error("should fail");
    const paths = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(paths["annotations.1.claimId"]).toMatch(/not in claims/);
    expect(paths["annotations.2.claimId"]).toBe('Claim "gone" is not in claims.');
    expect(paths["annotations.3.claimId"]).toBe('Claim "gone" is not in claims.');
    expect(paths["relations.0.toId"]).toMatch(/not in claims/);
    expect(paths["events.0.actorId"]).toMatch(/not in people/);
    const codes = Object.fromEntries(r.issues.map((i) => [i.path, { code: i.code, params: i.params }]));
    expect(codes["annotations.1.claimId"]).toEqual({ code: "bundle_claim_unknown", params: { id: "nope" } });
    expect(codes["events.0.actorId"]).toEqual({ code: "bundle_person_unknown", params: { id: "ghost" } });
  });

  it("refuses an id used twice in one section, takes one shared by two sections, and resolves a claim reference only to a claim", () => {
    const b = copy() as unknown as Record<string, Record<string, unknown>[]>;
    b.claims[1].id = b.claims[0].id;
    b.events[3].id = b.events[2].id;
    // An id that is a highlight's elsewhere in the bundle: no duplicate (other section), but not a claim either.
    b.sources[0].id = b.annotations[0].id as string;
    b.relations[0].toId = b.annotations[0].id as string;
    const r = validateBundle(b);
    if (r.ok) throw new Error("should fail");
    const issues = Object.fromEntries(r.issues.map((i) => [i.path, i]));
    expect(issues["claims.1.id"]).toMatchObject({ message: `Duplicate id "${b.claims[0].id}" in claims.`, code: "bundle_duplicate_id" });
    expect(issues["events.3.id"]).toMatchObject({ code: "bundle_duplicate_id" });
    expect(issues["sources.0.id"]).toBeUndefined();
    expect(issues["relations.0.toId"]).toMatchObject({ code: "bundle_claim_unknown" });
    expect(Object.keys(issues).filter((p) => p.endsWith(".id")).sort()).toEqual(["claims.1.id", "events.3.id"]);
  });

  it("checks the text against the document, the hash against the text, offsets against the text", () => {
    const b = copy();
    b.articles[1].text += " tampered";
    b.articles[2].contentHash = "0".repeat(64);
    const onThird = b.annotations.findIndex((a) => a.articleId === b.articles[2].id && a.status !== "orphaned");
    b.annotations[onThird].selectors = [{ type: "TextPositionSelector", start: 0, end: 10_000_000 }, b.annotations[onThird].selectors.find((s) => s.type === "TextQuoteSelector")!];
    const r = validateBundle(b);
    if (r.ok) throw new Error("should fail");
    expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["articles.1.text", "articles.2.contentHash", `annotations.${onThird}.selectors`]));
    expect(r.issues.filter((i) => !i.code)).toEqual([]);
    expect(r.issues.find((i) => i.path === "articles.2.contentHash")?.code).toBe("bundle_hash_mismatch");
  });

  it("is a 422 with every issue from importBundle, and admin only", async () => {
    const { access } = await target();
    const err = await rejected(importBundle(access, { format: "claimtrail-bundle" }, { dryRun: true }));
    expect(err.status).toBe(422);
    expect(err.extra.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "version" })]));
    // `fieldCodes` beside `errors`, path by path, as every refusal has them; said whole in Russian.
    expect(err.extra.fieldCodes).toMatchObject({ version: { code: "bundle_version" }, articles: { code: "required" } });
    const ru = createTranslator({ locale: "ru", messages: { ui: ruUi } as never, namespace: "ui.apiErrors" as never }) as unknown as ErrorTranslator;
    const shown = localizeError({ message: err.message, fields: err.fields, code: err.extra.code as string, codeParams: err.extra.codeParams as never, fieldCodes: err.extra.fieldCodes as never }, "ru", ru);
    expect(shown.fields.version).toBe("Импортировать можно только пакеты версии 1.");
    expect(shown.message).toMatch(/^Этот пакет нельзя импортировать: \d+ проблем/);
    const annotator = await authorize(w.annotator.id, w.workspace.slug, "workspace.view");
    expect((await rejected(importBundle(annotator, copy(), { dryRun: true }))).status).toBe(403);
  });
});

describe("the API's rules, applied to a bundle", () => {
  const pathsOf = (b: unknown) => {
    const r = validateBundle(b);
    if (r.ok) throw new Error("should fail");
    return Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
  };
  const approvedAt = () => bundle.claims.findIndex((c) => c.reviewState === "approved");
  const exactAt = () => bundle.annotations.findIndex((a) => a.status === "exact");
  const quoteIndex = (i: number) => bundle.annotations[i].selectors.findIndex((s) => s.type === "TextQuoteSelector");

  it("refuses non-http URLs, non-document rich text, approved claims without a verdict and quotes that aren't at their position", () => {
    const b = copy();
    b.articles[0].url = "javascript:alert(1)";
    b.sources[0].url = "not a url";
    const c = approvedAt();
    b.claims[c].verdict = null;
    b.claims[0].explanation = { type: "paragraph", content: "<script>" };
    b.comments[0].body = { type: "doc", content: [{ type: "image", attrs: { src: "x" } }] };
    const a = exactAt();
    const q = quoteIndex(a);
    (b.annotations[a].selectors[q] as { exact: string }).exact = "something else entirely";
    const paths = pathsOf(b);
    expect(paths["articles.0.url"]).toMatch(/http/);
    expect(paths["sources.0.url"]).toMatch(/http/);
    expect(paths[`claims.${c}.verdict`]).toMatch(/approved claim needs a verdict/);
    expect(Object.keys(paths).some((k) => k.startsWith("claims.0.explanation"))).toBe(true);
    expect(Object.keys(paths).some((k) => k.startsWith("comments.0.body"))).toBe(true);
    expect(paths[`annotations.${a}.selectors.${q}.exact`]).toMatch(/not the text at its position/);
  });

  it("checks an exact highlight's quote against the article's text when it was anchored before a metadata-only edit (no revisions in the bundle)", () => {
    const b = copy();
    const a = exactAt();
    const art = b.articles.find((x) => x.id === b.annotations[a].articleId)!;
    // As after a title edit: a new revision, the same text, the highlight still anchored to the one before.
    art.revision = b.annotations[a].anchoredRevision + 1;
    delete art.revisions;
    const q = quoteIndex(a);
    (b.annotations[a].selectors[q] as { exact: string }).exact = "not the text here";
    expect(pathsOf(b)[`annotations.${a}.selectors.${q}.exact`]).toMatch(/not the text at its position/);
  });

  it("refuses what is past the API's lengths, NUL characters, year 0 and text out of step with its document", () => {
    const b = copy();
    b.claims[0].statement = "x".repeat(2001);
    b.claims[1].claimant = "a\u0000b";
    b.claims[0].explanationText = "not what the explanation says";
    b.articles[0].title = "t".repeat(301);
    b.annotations[0].note = "n".repeat(5001);
    const q = quoteIndex(1);
    (b.annotations[1].selectors[q] as { prefix: string }).prefix = "p".repeat(33);
    b.sources[0].title = "s".repeat(501);
    b.relations[0].note = "r".repeat(5001);
    b.people[0].name = "p".repeat(101);
    b.tags.push("t".repeat(51));
    b.workspace.verdictLabels = { false: "l".repeat(41) };
    const paths = pathsOf(b);
    for (const path of [
      "claims.0.statement",
      "claims.1.claimant",
      "claims.0.explanationText",
      "articles.0.title",
      "annotations.0.note",
      `annotations.1.selectors.${q}.prefix`,
      "sources.0.title",
      "relations.0.note",
      "people.0.name",
      `tags.${b.tags.length - 1}`,
      "workspace.verdictLabels.false",
    ]) {
      expect(paths[path], path).toEqual(expect.any(String));
    }
    const dated = copy();
    dated.claims[1].claimDate = "0000-01-01T00:00:00.000Z";
    expect(pathsOf(dated)["claims.1.claimDate"]).toMatch(/year 1/);
  });

  it("is a 422 naming the path from importBundle, and nothing is written", async () => {
    const { workspace, access } = await target();
    const b = copy();
    b.articles[0].url = "javascript:alert(1)";
    const err = await rejected(importBundle(access, b, { dryRun: false }));
    expect(err.status).toBe(422);
    expect(err.fields["articles.0.url"]).toEqual(expect.any(String));
    expect(await rowsIn(workspace.id)).toEqual(EMPTY);
  });
});

describe("dry run", () => {
  it("reports counts, people and labels and writes nothing", async () => {
    const { workspace, access } = await target([{ user: w.annotator, role: "annotator" }]);
    const before = await rowsIn(workspace.id);
    const out = await importBundle(access, copy(), { dryRun: true });
    if (!out.dryRun) throw new Error("expected a dry run");
    expect(out.plan.create).toEqual({
      articles: 3,
      revisions: 4,
      annotations: bundle.annotations.length,
      claims: bundle.claims.length,
      sources: 1,
      relations: 1,
      events: bundle.events.length,
      comments: bundle.comments.length,
    });
    expect(out.plan.people.matched.map((p) => p.email).sort()).toEqual([w.admin.email, w.annotator.email].sort());
    expect(out.plan.people.notMembers.map((p) => p.email)).toEqual([w.reviewer.email]);
    expect(await rowsIn(workspace.id)).toEqual(before);
    expect(before).toEqual(EMPTY);
  });
});

describe("apply", () => {
  it("leaves nothing behind when a row fails half-way (a duplicate relation)", async () => {
    const { workspace } = await target();
    const b = copy();
    b.relations.push({ ...b.relations[0], id: "dup-relation" });
    expect(validateBundle(b).ok).toBe(true);
    await expect(applyImport(workspace.id, b)).rejects.toThrow();
    expect(await rowsIn(workspace.id)).toEqual(EMPTY);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).verdictLabels).toEqual({});
  });

  it("is cut off by its time limit as a whole: nothing is written", async () => {
    const { workspace } = await target();
    await expect(applyImport(workspace.id, copy(), { timeoutMs: 1 })).rejects.toThrow(/expired transaction|timeout/i);
    expect(await rowsIn(workspace.id)).toEqual(EMPTY);
  });

  it("gives a large bundle's one transaction time in proportion: hours at 100k claims, 30 minutes for a small one", () => {
    const counts = (n: Partial<Record<SectionName, number>>): Record<SectionName, number> => ({ articles: 0, annotations: 0, claims: 0, sources: 0, relations: 0, events: 0, comments: 0, people: 0, ...n });
    const small = importTimeoutMs(counts({ articles: 3, annotations: 5, claims: 4, events: 10 }));
    expect(small).toBeGreaterThanOrEqual(IMPORT_TIMEOUT_BASE_MS);
    expect(small).toBeLessThan(IMPORT_TIMEOUT_BASE_MS + 1000);
    // The 100k-claim bundle of bench/results/import-2026-12-02-imports2.md: its writing alone took ~17 minutes under load.
    const large = importTimeoutMs(counts({ articles: 2000, annotations: 199_003, claims: 96_700, sources: 96_892, relations: 17_516, events: 419_435, comments: 4800, people: 7 }));
    expect(large).toBeGreaterThan(2.5 * 60 * 60_000);
    expect(importTimeoutMs(counts({ claims: 200_000 }))).toBeGreaterThan(importTimeoutMs(counts({ claims: 100_000 })));
  });

  it("gives everything a new id and rewrites every reference", async () => {
    const { workspace, access } = await target([
      { user: w.annotator, role: "annotator" },
      { user: w.reviewer, role: "reviewer" },
    ]);
    const out = await importBundle(access, copy(), { dryRun: false });
    if (out.dryRun) throw new Error("expected an import");
    expect(await rowsIn(workspace.id)).toEqual({ ...out.plan.create });

    const old = new Set([...bundle.articles, ...bundle.annotations, ...bundle.claims, ...bundle.sources, ...bundle.relations, ...bundle.events, ...bundle.comments].map((r) => r.id));
    const claims = await db.claim.findMany({ where: { workspaceId: workspace.id }, select: { id: true } });
    const annotations = await db.annotation.findMany({ where: { workspaceId: workspace.id } });
    const events = (await db.change.findMany({ where: { workspaceId: workspace.id, kind: { in: HISTORY_FEED_KINDS } } })).map((e) => ({ ...e, id: String(e.id), kind: historyKindOf(e.kind) }));
    for (const row of [...claims, ...annotations, ...events]) expect(old.has(row.id)).toBe(false);
    // Imported history is on the feed, numbered at the import's commit with no gaps.
    const seqs = (await db.change.findMany({ where: { workspaceId: workspace.id }, orderBy: { seq: "asc" }, select: { seq: true } })).map((c) => Number(c.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const claimIds = new Set(claims.map((c) => c.id));
    const annotationIds = new Set(annotations.map((a) => a.id));
    for (const a of annotations) if (a.claimId) expect(claimIds.has(a.claimId)).toBe(true);

    const treaties = out.claims[w.treaties.id];
    const relation = await db.claimRelation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect([relation.fromId, relation.toId]).toEqual([out.claims[w.nato.id], treaties]);
    const created = events.find((e) => e.claimId === treaties && e.kind === "created")!;
    const data = created.data as Record<string, string>;
    expect(annotationIds.has(data.annotationId)).toBe(true);
    expect(data.articleId).toBe(out.articles[bundle.articles[0].id]);
    const added = events.find((e) => e.kind === "relation-added" && e.claimId === treaties)!;
    expect((added.data as Record<string, string>).relationId).toBe(relation.id);
    expect((added.data as Record<string, string>).otherId).toBe(out.claims[w.nato.id]);
    // The merged-away claim isn't in the bundle: its id is still replaced, consistently.
    const merged = events.find((e) => e.kind === "merged")!;
    expect((merged.data as Record<string, string>).from).not.toBe(w.twin.id);

    const claim = await db.claim.findUniqueOrThrow({ where: { id: treaties } });
    const original = bundle.claims.find((c) => c.id === w.treaties.id)!;
    expect({ version: claim.version, reviewState: claim.reviewState, verdict: claim.verdict, approvedAt: claim.approvedAt?.toISOString(), approvedById: claim.approvedById, assigneeId: claim.assigneeId }).toEqual({
      version: original.version,
      reviewState: "approved",
      verdict: "true",
      approvedAt: original.approvedAt,
      approvedById: w.reviewer.id,
      assigneeId: w.reviewer.id,
    });
  });

  it("matches people by email among members; the others are kept by name in the history", async () => {
    const stranger = await makeUser({ name: "Not Here" });
    const { workspace, access } = await target([{ user: w.annotator, role: "annotator" }], stranger);
    const b = copy();
    const annotator = b.people.find((p) => p.id === w.annotator.id)!;
    annotator.email = annotator.email.toUpperCase();
    const admin = b.people.find((p) => p.id === w.admin.id)!;
    admin.email = uniqueEmail("gone");

    const dry = await importBundle(access, b, { dryRun: true });
    if (!dry.dryRun) throw new Error("expected a dry run");
    expect(dry.plan.people).toEqual({
      matched: [{ name: w.annotator.name, email: w.annotator.email }],
      notMembers: [{ name: w.reviewer.name, email: w.reviewer.email }],
      notFound: [{ name: admin.name, email: admin.email }],
    });

    const out = await importBundle(access, b, { dryRun: false });
    if (out.dryRun) throw new Error("expected an import");
    const claim = await db.claim.findUniqueOrThrow({ where: { id: out.claims[w.treaties.id] } });
    expect(claim.createdById).toBe(w.annotator.id);
    expect(claim.approvedById).toBeNull();
    expect(claim.assigneeId).toBeNull();
    const approval = await db.change.findFirstOrThrow({ where: { claimId: claim.id, kind: "claim.review-state", data: { path: ["to"], equals: "approved" } } });
    expect(approval.actorId).toBeNull();
    expect(approval.data).toMatchObject({ originalActor: { name: w.reviewer.name, email: w.reviewer.email } });
    const assigned = await db.change.findFirstOrThrow({ where: { claimId: claim.id, kind: "claim.edited", data: { path: ["field"], equals: "assignee" } } });
    expect(assigned.actorId).toBe(w.annotator.id);
    expect(assigned.data).toMatchObject({ to: { id: null, name: w.reviewer.name } });
    const article = await db.article.findFirstOrThrow({ where: { workspaceId: workspace.id, id: out.articles[bundle.articles[0].id] } });
    expect(article.createdById).toBeNull();
  });

  it("reuses an article whose text is already here; imported again, the bundle adds no highlight on words already highlighted, and its claims are the ones here", async () => {
    const { workspace, access } = await target([
      { user: w.annotator, role: "annotator" },
      { user: w.reviewer, role: "reviewer" },
    ]);
    const first = await importBundle(access, copy(), { dryRun: false });
    if (first.dryRun) throw new Error("expected an import");
    const after = await rowsIn(workspace.id);
    const mentioned = new Set(bundle.annotations.flatMap((a) => (a.claimId ? [a.claimId] : [])));
    const unmentioned = bundle.claims.filter((c) => !mentioned.has(c.id));
    expect(mentioned.size).toBeGreaterThan(1);
    const again = await importBundle(access, copy(), { dryRun: true });
    if (!again.dryRun) throw new Error("expected a dry run");
    expect(again.plan.create.articles).toBe(0);
    expect(again.plan.reusedArticles.map((r) => r.existingId)).toEqual(bundle.articles.map((a) => first.articles[a.id]));
    expect(again.plan.alreadyHere).toEqual({ annotations: bundle.annotations.length, claims: mentioned.size });
    expect(again.plan.create.annotations).toBe(0);
    expect(again.plan.create.claims).toBe(unmentioned.length);
    const unmentionedIds = new Set(unmentioned.map((c) => c.id));
    expect(again.plan.create.sources).toBe(bundle.sources.filter((x) => unmentionedIds.has(x.claimId)).length);
    expect(again.plan.create.comments).toBe(bundle.comments.filter((x) => unmentionedIds.has(x.claimId)).length);
    expect(again.plan.create.events).toBe(bundle.events.filter((x) => unmentionedIds.has(x.claimId)).length);
    expect(again.plan.warnings.join(" ")).toMatch(/on words already highlighted here and left out, with \d+ claims already here/);
    // The same warnings as what they are made of, for the reader's language.
    expect(again.plan.notes).toContainEqual({ kind: "reused", count: 3 });
    expect(again.plan.notes).toContainEqual({ kind: "alreadyHere", annotations: bundle.annotations.length, claims: mentioned.size });
    const second = await importBundle(access, copy(), { dryRun: false });
    if (second.dryRun) throw new Error("expected an import");
    expect(second.articles).toEqual(first.articles);
    // The bundle's claims are the claims the first import made; only those no highlight names are made again.
    for (const id of mentioned) expect(second.claims[id]).toBe(first.claims[id]);
    const rows = await rowsIn(workspace.id);
    expect(rows).toEqual({
      ...after,
      claims: after.claims + again.plan.create.claims,
      sources: after.sources + again.plan.create.sources,
      relations: after.relations + again.plan.create.relations,
      events: after.events + again.plan.create.events,
      comments: after.comments + again.plan.create.comments,
    });
    // One live highlight per span, as the API keeps it.
    const twins = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT 1 FROM "Annotation" WHERE "workspaceId" = ${workspace.id} AND "deletedAt" IS NULL AND "start" IS NOT NULL GROUP BY "articleId", "start", "end" HAVING count(*) > 1) t`;
    expect(Number(twins[0].n)).toBe(0);
    // A third time: the same again.
    const third = await importBundle(access, copy(), { dryRun: true });
    if (!third.dryRun) throw new Error("expected a dry run");
    expect(third.plan.create).toEqual(again.plan.create);
  });

  it("says, naming it, when a bundle article's text is an earlier revision of an article here: it is created anew", async () => {
    const { workspace } = await target([]);
    const owner = (await db.membership.findFirstOrThrow({ where: { workspaceId: workspace.id, role: "admin" }, select: { userId: true } })).userId;
    const access = await authorize(owner, workspace.slug, "article.edit");
    const first = await importBundle(access, copy(), { dryRun: false });
    if (first.dryRun) throw new Error("expected an import");
    const edited = bundle.articles[0];
    const here = await db.article.findUniqueOrThrow({ where: { id: first.articles[edited.id] }, select: { id: true, title: true, revision: true } });
    await updateArticle(access, here.id, { baseRevision: here.revision, doc: docFromParagraphs(["A paragraph added here after the export.", "And another."]), metadata: { title: here.title, tags: [] } });
    const again = await importBundle(access, copy(), { dryRun: true });
    if (!again.dryRun) throw new Error("expected a dry run");
    expect(again.plan.create.articles).toBe(1);
    expect(again.plan.notes).toContainEqual({ kind: "earlierRevision", count: 1, titles: `“${here.title}”` });
    expect(again.plan.warnings.join(" ")).toContain(`edited since this bundle was exported (“${here.title}”)`);
    // Imported as it is, nothing is said.
    const fresh = await target([]);
    const plain = await importBundle(fresh.access, copy(), { dryRun: true });
    if (!plain.dryRun) throw new Error("expected a dry run");
    expect(plain.plan.notes.map((n) => n.kind)).not.toContain("earlierRevision");
  });

  it("makes a claim already here the one its highlights join: new words become its mentions, words highlighted without a claim are left out", async () => {
    const { workspace, access } = await target([
      { user: w.annotator, role: "annotator" },
      { user: w.reviewer, role: "reviewer" },
    ]);
    const first = await importBundle(access, copy(), { dryRun: false });
    if (first.dryRun) throw new Error("expected an import");
    // A claim with two highlights: one deleted here, so its words are free again.
    const counts = new Map<string, number>();
    for (const a of bundle.annotations) if (a.claimId && a.selectors.some((x) => x.type === "TextPositionSelector")) counts.set(a.claimId, (counts.get(a.claimId) ?? 0) + 1);
    const claimId = [...counts].find(([, n]) => n >= 2)?.[0];
    if (!claimId) throw new Error("the world needs a claim with two highlights");
    const [gone] = bundle.annotations.filter((a) => a.claimId === claimId);
    const position = (a: typeof gone) => a.selectors.find((x) => x.type === "TextPositionSelector")!;
    const here = first.claims[claimId];
    const goneHere = await db.annotation.findFirstOrThrow({ where: { articleId: first.articles[gone.articleId], start: position(gone).start, end: position(gone).end } });
    await db.annotation.update({ where: { id: goneHere.id }, data: { deletedAt: new Date() } });
    // Another claim's highlights lose their claim here: their words are highlighted with no claim.
    const other = bundle.annotations.find((a) => a.claimId && a.claimId !== claimId && counts.has(a.claimId))!;
    await db.annotation.updateMany({ where: { claimId: first.claims[other.claimId!] }, data: { claimId: null } });

    const again = await importBundle(access, copy(), { dryRun: false });
    if (again.dryRun) throw new Error("expected an import");
    // The deleted highlight's words are highlighted again, as a mention of the claim here.
    expect(again.claims[claimId]).toBe(here);
    const back = await db.annotation.findMany({ where: { articleId: first.articles[gone.articleId], start: position(gone).start, end: position(gone).end, deletedAt: null } });
    expect(back.map((a) => a.claimId)).toEqual([here]);
    expect(await db.annotation.count({ where: { claimId: here, deletedAt: null } })).toBe(counts.get(claimId));
    // The claim whose words here have no claim is made again, without that highlight.
    const remade = again.claims[other.claimId!];
    expect(remade).not.toBe(first.claims[other.claimId!]);
    expect(await db.annotation.count({ where: { claimId: remade } })).toBe(0);
    expect(await db.annotation.count({ where: { articleId: first.articles[other.articleId], start: position(other).start, end: position(other).end, deletedAt: null } })).toBe(1);
    const claimHere = await db.claim.findUniqueOrThrow({ where: { id: here } });
    expect(claimHere.deletedAt).toBeNull();
    expect(await db.claim.count({ where: { workspaceId: workspace.id, id: here } })).toBe(1);
  });

  it("skips, as a conflict, an article here whose stored hash is the bundle's but whose text is not", async () => {
    // Planning compares the text here with the bundle's hash (the bundle's texts aren't kept through the import).
    const { workspace, access } = await target([
      { user: w.annotator, role: "annotator" },
      { user: w.reviewer, role: "reviewer" },
    ]);
    const first = await importBundle(access, copy(), { dryRun: false });
    if (first.dryRun) throw new Error("expected an import");
    const [changed, ...same] = bundle.articles;
    await db.$executeRaw`UPDATE "Article" SET text = ${`${changed.text} (edited)`} WHERE id = ${first.articles[changed.id]}`;
    expect((await db.article.findUniqueOrThrow({ where: { id: first.articles[changed.id] }, select: { contentHash: true } })).contentHash).toBe(changed.contentHash);
    const again = await importBundle(access, copy(), { dryRun: true });
    if (!again.dryRun) throw new Error("expected a dry run");
    expect(again.plan.conflicts).toContainEqual(expect.objectContaining({ kind: "article", bundleId: changed.id }));
    expect(again.plan.reusedArticles.map((r) => r.bundleId)).toEqual(same.map((a) => a.id));
    expect(again.plan.create.articles).toBe(0);
    // Those on the articles reused are on words already highlighted by the first import.
    expect(again.plan.create.annotations).toBe(0);
    expect(again.plan.alreadyHere.annotations).toBe(bundle.annotations.filter((a) => a.articleId !== changed.id).length);
    expect(await db.article.count({ where: { workspaceId: workspace.id } })).toBe(3);
  });
});

describe("round trip", () => {
  it("export → import into an empty workspace → export gives the same bundle, ids and export time aside", async () => {
    const { workspace, access } = await target([
      { user: w.annotator, role: "annotator" },
      { user: w.reviewer, role: "reviewer" },
    ]);
    const out = await importBundle(access as Access, copy(), { dryRun: false });
    if (out.dryRun) throw new Error("expected an import");
    const again = await w.exportAll(w.admin, workspace.slug);
    expect(again.workspace.id).not.toBe(bundle.workspace.id);
    expect(normaliseBundle(again)).toEqual(normaliseBundle(bundle));
    expect(JSON.stringify(normaliseBundle(again))).toBe(JSON.stringify(normaliseBundle(bundle)));
  });

  it("the normaliser tells different bundles apart", () => {
    const b = copy();
    b.claims[0].version += 1;
    expect(normaliseBundle(b)).not.toEqual(normaliseBundle(bundle));
    const swapped = copy();
    swapped.annotations[0].claimId = swapped.claims[1].id;
    expect(normaliseBundle(swapped)).not.toEqual(normaliseBundle(bundle));
  });
});
