import { labelsByLocale, VERDICTS, type VerdictLabelsByLocale } from "@/lib/claims/verdicts";
import { LOCALES } from "@/lib/i18n/locales";
import type { Prisma } from "@/lib/db/client";
import { contentHash } from "@/lib/articles/document";
import { findAlreadyHere, type AlreadyHere } from "./already-here";
import type { BundleReader } from "./apply";
import type { BundleSummary } from "./checker";

type Client = Pick<Prisma.TransactionClient, "article" | "membership" | "user" | "workspace" | "$queryRaw">;

export interface PlannedPerson {
  name: string;
  email: string;
}

/**
 * What importing a bundle into a workspace would do (the dry run's report,
 * and what apply follows):
 *
 * - `create`: rows per kind. Annotations on a reused article count here.
 * - `reusedArticles`: bundle articles whose text this workspace already
 *   holds (same content hash, identical text). The existing article is kept
 *   as it is (its metadata and revisions win) and the bundle's highlights
 *   are attached to it, anchored to its current revision.
 * - `alreadyHere`: highlights on words already highlighted on those
 *   articles, and the claims that are already here with them, left out
 *   (already-here.ts): a bundle imported again adds no highlight twice.
 * - `conflicts`: what can't be imported and is skipped, with the reason.
 * - `people`: matched by email to members of this workspace; the others are
 *   recorded by name only (README, "Import a bundle").
 */
export interface ImportPlan {
  create: { articles: number; revisions: number; annotations: number; claims: number; sources: number; relations: number; events: number; comments: number };
  reusedArticles: { bundleId: string; title: string; existingId: string; existingTitle: string }[];
  alreadyHere: { annotations: number; claims: number };
  /** `message` in English (the CLI); `existingTitle`, the article here it collides with, for the reader's language. */
  conflicts: { kind: "article"; bundleId: string; title: string; message: string; existingTitle: string }[];
  people: { matched: PlannedPerson[]; notMembers: PlannedPerson[]; notFound: PlannedPerson[] };
  verdictLabels: "same" | "adopted" | "kept";
  /** In English, for the CLI and scripts. */
  warnings: string[];
  /** The same warnings as what they are made of, which the dry run says in the reader's language. */
  notes: PlanNote[];
}

export type PlanNote = { kind: "reused"; count: number } | { kind: "alreadyHere"; annotations: number; claims: number } | { kind: "noRevisions" } | { kind: "unmatched"; count: number } | { kind: "labelsDiffer" } | { kind: "earlierRevision"; count: number; titles: string };

export interface PlanDetails {
  plan: ImportPlan;
  /** Bundle person id → user id here, for the matched ones. */
  users: Map<string, string>;
  /** Bundle article id → the existing article it reuses. */
  reused: Map<string, { id: string; revision: number }>;
  /** Bundle article ids not imported (conflicts). */
  skipped: Set<string>;
  /** The verdict labels to store, when adopting the bundle's. */
  labels: VerdictLabelsByLocale | null;
  /** What is left out as already here. */
  alreadyHere: AlreadyHere;
}

/**
 * From the checked bundle's summary (checker.ts): its people, articles and counts; its rows are read
 * again (`read`) only when it shares articles with this workspace, to find what is already here.
 * `lock` (the import itself): those articles are locked until the transaction ends.
 */
export async function planImport(client: Client, workspaceId: string, bundle: BundleSummary, read: BundleReader, opts: { lock?: boolean } = {}): Promise<PlanDetails> {
  const warnings: string[] = [];
  const notes: PlanNote[] = [];

  // People: by email, among this workspace's members.
  const emails = bundle.people.map((p) => p.email.trim().toLowerCase());
  const users = await client.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, memberships: { where: { workspaceId }, select: { id: true } } },
  });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const people: ImportPlan["people"] = { matched: [], notMembers: [], notFound: [] };
  const userMap = new Map<string, string>();
  bundle.people.forEach((p, i) => {
    const u = byEmail.get(emails[i]);
    const ref = { name: p.name, email: emails[i] };
    if (u?.memberships.length) {
      userMap.set(p.id, u.id);
      people.matched.push(ref);
    } else (u ? people.notMembers : people.notFound).push(ref);
  });

  // Articles: the same text here already → reuse it; same hash, other text → skip.
  const existing = await client.article.findMany({
    where: { workspaceId, contentHash: { in: bundle.articles.map((a) => a.contentHash) } },
    select: { id: true, title: true, text: true, contentHash: true, revision: true },
  });
  const byHash = new Map(existing.map((a) => [a.contentHash, a]));
  const reused = new Map<string, { id: string; revision: number }>();
  const skipped = new Set<string>();
  const plan: ImportPlan = {
    create: { articles: 0, revisions: 0, annotations: 0, claims: bundle.counts.claims, sources: bundle.counts.sources, relations: bundle.counts.relations, events: bundle.counts.events, comments: bundle.counts.comments },
    reusedArticles: [],
    alreadyHere: { annotations: 0, claims: 0 },
    conflicts: [],
    people,
    verdictLabels: "same",
    warnings,
    notes,
  };
  for (const a of bundle.articles) {
    const twin = byHash.get(a.contentHash);
    // The bundle's text was checked to hash to its contentHash: the twin's text hashing to it too is the same text.
    // (Its stored hash alone isn't proof: it is what the conflict below is about.)
    if (twin && contentHash(twin.text) === a.contentHash) {
      reused.set(a.id, { id: twin.id, revision: twin.revision });
      plan.reusedArticles.push({ bundleId: a.id, title: a.title, existingId: twin.id, existingTitle: twin.title });
    } else if (twin) {
      skipped.add(a.id);
      plan.conflicts.push({ kind: "article", bundleId: a.id, title: a.title, message: `Another article here, “${twin.title}”, has the same content hash but different text; skipped with its highlights.`, existingTitle: twin.title });
    } else {
      plan.create.articles++;
      plan.create.revisions += a.revisions ?? 1;
    }
  }
  // A bundle article whose text is an earlier revision of one here (exported, then edited here) is not that
  // article's text now: it is created anew. Said, naming the article, so the dry run shows the copy coming.
  const created = bundle.articles.filter((a) => !reused.has(a.id) && !skipped.has(a.id)).map((a) => a.contentHash);
  const edited = created.length
    ? await client.$queryRaw<{ title: string }[]>`
        SELECT DISTINCT a."title" FROM "ArticleRevision" r JOIN "Article" a ON a."id" = r."articleId"
        WHERE a."workspaceId" = ${workspaceId} AND r."contentHash" = ANY(${created}::text[]) AND a."contentHash" <> r."contentHash"
        ORDER BY a."title" LIMIT 20`
    : [];
  const alreadyHere = await findAlreadyHere(client, reused, bundle.ids, read, opts.lock ?? false);
  plan.alreadyHere = { annotations: alreadyHere.annotations.size, claims: alreadyHere.claims.size };
  plan.create.annotations = bundle.counts.annotations - [...skipped].reduce((n, id) => n + (bundle.annotationsPerArticle.get(id) ?? 0), 0) - alreadyHere.annotations.size;
  plan.create.claims -= alreadyHere.claims.size;
  for (const kind of ["sources", "relations", "events", "comments"] as const) plan.create[kind] -= alreadyHere.left[kind];
  if (reused.size) notes.push({ kind: "reused", count: reused.size });
  if (alreadyHere.annotations.size) notes.push({ kind: "alreadyHere", ...plan.alreadyHere });
  if (edited.length) {
    const titles = edited.map((r) => `“${r.title}”`).join(", ");
    notes.push({ kind: "earlierRevision", count: edited.length, titles });
    warnings.push(`${edited.length === 1 ? "An article here was" : "Articles here were"} edited since this bundle was exported (${titles}): the bundle's ${edited.length === 1 ? "copy is" : "copies are"} imported as new ${edited.length === 1 ? "article" : "articles"}, with ${edited.length === 1 ? "its" : "their"} highlights and claims.`);
  }
  if (bundle.articles.some((a) => a.revisions === null)) notes.push({ kind: "noRevisions" });
  if (people.notMembers.length + people.notFound.length) notes.push({ kind: "unmatched", count: people.notMembers.length + people.notFound.length });
  if (reused.size) warnings.push(`${reused.size} ${reused.size === 1 ? "article is" : "articles are"} already here: highlights are added to the existing ${reused.size === 1 ? "one" : "ones"}.`);
  if (alreadyHere.annotations.size) warnings.push(alreadyHereSentence(plan.alreadyHere));
  if (bundle.articles.some((a) => a.revisions === null)) warnings.push("The bundle has no article revisions (exported without them): each article starts with its current revision only.");
  const unmatched = people.notMembers.length + people.notFound.length;
  if (unmatched) warnings.push(`${unmatched} ${unmatched === 1 ? "person is" : "people are"} not members here: their names are kept in the claims' history, and the fields naming them are left empty. Invite them first to keep them.`);

  // Verdict labels: adopted when this workspace has none of its own.
  const ws = await client.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { verdictLabels: true } });
  const here = labelsByLocale(ws.verdictLabels);
  const theirs = bundleLabels(bundle.workspace);
  let labels: VerdictLabelsByLocale | null = null;
  if (!sameLabels(here, theirs)) {
    if (!Object.keys(here).length) {
      labels = theirs;
      plan.verdictLabels = "adopted";
    } else {
      plan.verdictLabels = "kept";
      notes.push({ kind: "labelsDiffer" });
      warnings.push("The bundle names verdicts differently; this workspace's own verdict labels are kept.");
    }
  }

  return { plan, users: userMap, reused, skipped, labels, alreadyHere };
}

const plural = (n: number, one: string, other: string) => `${n.toLocaleString("en")} ${n === 1 ? one : other}`;

/** The alreadyHere note in English (the CLI). */
function alreadyHereSentence({ annotations, claims }: ImportPlan["alreadyHere"]): string {
  const them = `${plural(annotations, "highlight is", "highlights are")} on words already highlighted here and left out`;
  return claims ? `${them}, with ${plural(claims, "claim", "claims")} already here (the claim${claims === 1 ? "" : "s"} here ${claims === 1 ? "is" : "are"} kept as ${claims === 1 ? "it is" : "they are"}).` : `${them}.`;
}

/**
 * The bundle's own labels per language. A bundle from before labels had a language carries only
 * `verdictLabels`, every verdict named in English: its renamings (what differs from the built-in
 * English names) name the verdict in every language, as they did where it was exported.
 */
function bundleLabels(workspace: BundleSummary["workspace"]): VerdictLabelsByLocale {
  return labelsByLocale(workspace.verdictLabelsByLocale ?? workspace.verdictLabels);
}

function sameLabels(a: VerdictLabelsByLocale, b: VerdictLabelsByLocale): boolean {
  return LOCALES.every((l) => VERDICTS.every((v) => a[l]?.[v] === b[l]?.[v]));
}
