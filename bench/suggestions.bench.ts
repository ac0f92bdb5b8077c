/**
 * Claim-suggestion benchmark (issue 11): npm run bench -- --only suggestions
 *
 * One workspace on the production server (scripts/lib/test-server.ts), first
 * with 10,000 claims, then grown to 100,000:
 * - the hand-made evaluation set (lib/search/evaluation-set.ts: paraphrased
 *   claims, each with its first mention; selections from other articles),
 * - plus generated distractors: news-like claims over a wide vocabulary
 *   (faker's English nouns, verbs, adjectives, adverbs, people and places)
 *   mixed with the reference corpus's own words, skewed so that "Russia",
 *   "NATO" and "security" are in a large share of all claims, the hard case.
 *   The generator is here rather than in a shared dataset module because that
 *   module did not exist when this bench was written.
 *
 * At each scale, recorded with bench/lib/report.ts:
 * - quality: hit@5 and hit@1 of our suggestions and of simple baselines
 *   (ts_rank_cd over an OR-tsquery of the selection's lexemes, and over
 *   websearch_to_tsquery, each plus pg_trgm similarity, scoring every claim),
 *   same pool, same run;
 * - p50/p95 over HTTP (signed-in GETs of /api/w/…/claims/suggestions) for
 *   short or common selections, typical selections (the evaluation set's, in English as before issue 14, so
 *   comparable with earlier runs), the same in Russian and Ukrainian (a row of their own),
 *   huge selections, and typed search (q=);
 * - growth 10k → 100k of each p95.
 *
 * - across languages (issue 14): hit@5 of the evaluation set's own Russian and
 *   Ukrainian renderings (lib/search/evaluation-set.ts CROSS_LANGUAGE) finding
 *   the English claim, judged ≥ 0.8 at every scale (NOT MET printed below).
 * - English paraphrase → claim (issue 14): our own rewordings of the set's
 *   claims (lib/search/evaluation-paraphrases.ts), hit@5 judged ≥ 0.9.
 * - beside each p95: the CPU the requests cost the database (every backend of
 *   the bench's database, from /proc) and the app server, per request, and the
 *   load average: on this shared machine the rest of the p95 is waiting for a core.
 *
 * Targets judged only at 100k (report.ts rules): suggestions ≤ 100 ms p95 for
 * any selection, typed search ≤ 150 ms p95, growth ≤ 1.5×, hit@5 ≥ 0.85 and
 * ≥ the best baseline's.
 */
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fakerEN } from "@faker-js/faker";
import pg from "pg";
import { chromium } from "@playwright/test";
import { db } from "../lib/db/client";
import { Prisma } from "../lib/db/generated/client";
import { paraphraseCases } from "../lib/search/evaluation-paraphrases";
import { CORPUS_DIR, crossLanguageCases, EVALUATION_CLAIMS, seedEvaluationSet, sentenceAround, type EvaluationCase } from "../lib/search/evaluation-set";
import { explainSuggestion, suggestClaims } from "../lib/search/suggest-claims";
import { CHROMIUM_ARGS, chromiumPath } from "../lib/testing/chromium";
import { migrate } from "../lib/db/migrate";
import { createUser } from "../lib/users/create-user";
import { createWorkspace } from "../lib/workspaces/create-workspace";
import { startTestServer } from "../scripts/lib/test-server";
import { DATASET_PASSWORD, type GeneratedWorkspace } from "./lib/dataset";
import { datasetDatabase } from "./lib/dataset-template";
import { percentile, recordAtLeast, recordAtMost, recordInfo, TARGET_CLAIMS } from "./lib/report";
import { CLIENT_BACKENDS_SQL } from "./lib/process-usage";

/** SUGGESTIONS_BENCH_SCALES=10000 measures one small scale only (a quick look; growth is then not judged). */
const SCALES = process.env.SUGGESTIONS_BENCH_SCALES ? process.env.SUGGESTIONS_BENCH_SCALES.split(",").map(Number) : [10_000, 100_000];
const TARGET_SELECTION_MS = 100;
const TARGET_TYPED_MS = 150;
const TARGET_GROWTH = 1.5;
const TARGET_HIT5 = 0.85;
/** Issue 14: a Russian or Ukrainian passage finds the English claim. */
const TARGET_CROSS_HIT5 = 0.8;
/** Issue 14: our own English paraphrases of the set's claims (lib/search/evaluation-paraphrases.ts) find their claim. */
const TARGET_PARAPHRASE_HIT5 = 0.9;
/** Measured passes over each group's inputs, after one warm-up pass ("unseen": one pass, no warm-up). */
const PASSES = { short: 4, typical: 2, crossLanguage: 2, huge: 4, typed: 4, unseen: 1 };
/**
 * Statements of the workspace's generated claims, each asked once, never before in the run: the warm-up
 * pass and repeated passes of the other groups measure a selection whose plan, postings and pages are
 * already in the caches, which a reader's next selection never is (black-box, session 37: 40 distinct
 * statements, p95 175 ms where the repeated ones gave 52).
 */
const UNSEEN = 60;
const PASSWORD = "bench-password-123";

// ---------------------------------------------------------------- inputs

function corpusText(): string {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((f) => readFileSync(path.join(CORPUS_DIR, f), "utf8"))
    .join("\n");
}

/** Corpus words, most frequent first. */
export function corpusWords(): string[] {
  const counts = new Map<string, number>();
  for (const w of corpusText().match(/[\p{L}\p{N}’'-]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

/** Short or common selections: the ones that used to scan every claim. */
export function shortSelections(common: string[]): string[] {
  const fortyChars = common.filter((w) => w.length > 3).slice(0, 8).join(" ").slice(0, 40);
  return ["Russia", "NATO", "security guarantees", "the", "a", "R", "Putin", "United States", "Ukraine and NATO", "Россия и НАТО", "北约", fortyChars];
}

/**
 * Huge selections: 40 common words, a whole paragraph, 4,000 characters (what
 * the ranking reads of any longer selection). Longer ones cannot come over
 * GET: Node refuses request headers over 16 kB (431), and percent-encoding
 * can triple a character.
 */
export function hugeSelections(common: string[]): string[] {
  const text = corpusText().replace(/\s+/g, " ");
  return [common.slice(0, 40).join(" "), text.slice(2000, 3200), text.slice(4000, 8000)];
}

export const TYPED = ["r", "ru", "Rus", "nato", "ryab", "sec", "geneva talks", "security guar", "Stoltenberg", "putin ukr", "x", "defensive alliance"];

// ---------------------------------------------------------------- data

const unique = <T>(xs: T[]) => [...new Set(xs)];

/**
 * Word lists for the generator. Each list's order is its frequency rank: the
 * generator draws index floor(random()^k · n), so early words are common.
 */
export function generatorLists(common: string[]) {
  const raw = fakerEN.rawDefinitions;
  const shuffle = (xs: string[]) => {
    fakerEN.seed(1997);
    return fakerEN.helpers.shuffle([...xs]);
  };
  const person = raw.person!;
  const firstNames = unique([...(person.first_name?.female ?? []), ...(person.first_name?.male ?? []), ...(person.first_name?.generic ?? [])]);
  const lastNames = unique(person.last_name?.generic ?? []);
  const places = shuffle(unique([...(raw.location?.country ?? []), ...(raw.location?.state ?? []), ...(raw.location?.city_name ?? [])]));
  return {
    corpus: common,
    nouns: shuffle(unique(raw.word!.noun!)),
    verbs: shuffle(unique(raw.word!.verb!)),
    adjectives: shuffle(unique(raw.word!.adjective!)),
    adverbs: shuffle(unique(raw.word!.adverb!)),
    firstNames: shuffle(firstNames),
    lastNames: shuffle(lastNames),
    places,
    saying: ["said", "claimed", "warned", "denied that", "insisted that", "told reporters that", "announced that", "wrote that", "argued that", "confirmed that"],
    glue: ["the", "a", "of", "to", "in", "on", "for", "with", "and", "by", "from", "after", "over", "against", "will", "has", "is", "was", "not", "its"],
  };
}

type Lists = ReturnType<typeof generatorLists>;

/**
 * `count` news-like claims in one INSERT … SELECT. Shapes: "Name: clause",
 * "Name said clause", "Place clause", "N nouns … in Place", bare clause.
 * A clause is 6–16 slots; each slot is a corpus word (22 %), a glue word
 * (20 %) or a general noun/verb/adjective/adverb, each list drawn by Zipf's law.
 */
export async function insertDistractors(workspaceId: string, from: number, count: number, l: Lists): Promise<void> {
  // Zipf's law, as in natural text: rank r drawn with probability ∝ 1/r (log-uniform), so early words are common.
  const pick = (list: string[]) => Prisma.sql`(${list}::text[])[floor(power(${list.length + 1}::float8, random()))::int]`;
  const slot = Prisma.sql`CASE
      WHEN s.r < 0.22 THEN ${pick(l.corpus)}
      WHEN s.r < 0.42 THEN ${pick(l.glue)}
      WHEN s.r < 0.70 THEN ${pick(l.nouns)}
      WHEN s.r < 0.84 THEN ${pick(l.verbs)}
      WHEN s.r < 0.96 THEN ${pick(l.adjectives)}
      ELSE ${pick(l.adverbs)} END`;
  // One session for setseed and the insert (reproducible data); a long insert, so a long transaction timeout.
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT setseed(${(from % 1000) / 1000})`;
    await tx.$executeRaw`
      INSERT INTO "Claim" ("id", "workspaceId", "statement", "updatedAt")
      SELECT 'gen-' || x.g, ${workspaceId},
        CASE x.g % 6
          WHEN 0 THEN x.person || ': ' || x.clause
          WHEN 1 THEN x.person || ' ' || x.saying || ' ' || x.clause
          WHEN 2 THEN x.place || ' ' || x.clause
          WHEN 3 THEN (1 + floor(random() * 999)::int) || ' ' || x.clause || ' in ' || x.place
          WHEN 4 THEN x.person || ', ' || x.place || ': ' || x.clause
          ELSE upper(left(x.clause, 1)) || substr(x.clause, 2) END,
        now()
      FROM (
        SELECT g,
          ${pick(l.firstNames)} || ' ' || ${pick(l.lastNames)} AS person,
          ${pick(l.places)} AS place,
          ${pick(l.saying)} AS saying,
          (SELECT string_agg(${slot}, ' ') FROM (SELECT random() AS r FROM generate_series(1, 6 + (g * 7) % 11)) s) AS clause
        FROM generate_series(${from + 1}::int, ${from + count}::int) AS g
      ) x`;
  }, { timeout: 60 * 60_000, maxWait: 60_000 });
  // What autovacuum would have done by the time anyone asks: statistics, and the visibility map for index-only scans.
  for (const table of ["Claim", "ClaimSearchTerm", "SearchLexeme"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${table}"`);
}

// ---------------------------------------------------------------- quality

/**
 * A baseline: every claim of the workspace scored by ts_rank_cd against the
 * selection's tsquery plus pg_trgm similarity of the statement; top 5.
 */
async function baseline(workspaceId: string, text: string, kind: "or" | "websearch"): Promise<string[]> {
  const query =
    kind === "or"
      ? Prisma.sql`(SELECT string_agg(quote_literal(t), ' | ') FROM unnest(tsvector_to_array(to_tsvector('english', ${text}))) t)::tsquery`
      : Prisma.sql`websearch_to_tsquery('english', ${text})`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT coalesce(${query}, ''::tsquery) AS q)
    SELECT c."id" FROM "Claim" c, q
    WHERE c."workspaceId" = ${workspaceId} AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
    ORDER BY ts_rank_cd(c."searchVector", q.q) + similarity(c."statement", ${text.slice(0, 400)}) DESC, c."id"
    LIMIT 5`;
  return rows.map((r) => r.id);
}

function hits(cases: EvaluationCase[], results: string[][]) {
  let at1 = 0;
  let at5 = 0;
  cases.forEach((c, i) => {
    const rank = results[i].indexOf(c.expectedClaimId);
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 5) at5++;
  });
  return { at1: at1 / cases.length, at5: at5 / cases.length };
}

async function quality(workspaceId: string, cases: EvaluationCase[], scale: string, judged: boolean, withBaselines = true) {
  const ours: string[][] = [];
  for (const c of cases) ours.push((await suggestClaims({ workspaceId, text: c.text, limit: 5 })).map((h) => h.claimId));
  const baselines: Record<string, string[][]> = withBaselines ? { "ts_rank_cd OR-query + similarity": [], "ts_rank_cd websearch_to_tsquery + similarity": [] } : {};
  for (const c of withBaselines ? cases : []) {
    baselines["ts_rank_cd OR-query + similarity"].push(await baseline(workspaceId, c.text, "or"));
    baselines["ts_rank_cd websearch_to_tsquery + similarity"].push(await baseline(workspaceId, c.text, "websearch"));
  }
  const ourHits = hits(cases, ours);
  const note = `${cases.length} selections`;
  let best = 0;
  for (const [name, results] of Object.entries(baselines)) {
    const h = hits(cases, results);
    best = Math.max(best, h.at5);
    recordInfo({ area: "suggestions", measure: `baseline hit@5: ${name}`, scale, value: h.at5, unit: "", note });
  }
  recordInfo({ area: "suggestions", measure: "hit@1, evaluation set", scale, value: ourHits.at1, unit: "", note });
  if (judged && withBaselines) {
    recordAtLeast({ area: "suggestions", measure: "hit@5, evaluation set", scale, value: ourHits.at5, unit: "", note }, TARGET_HIT5);
    recordAtLeast({ area: "suggestions", measure: "hit@5 vs best baseline (same pool, same run)", scale, value: ourHits.at5, unit: "", note }, best);
  } else {
    recordInfo({ area: "suggestions", measure: "hit@5, evaluation set", scale, value: ourHits.at5, unit: "", note });
  }
  cases.forEach((c, i) => {
    const rank = ours[i].indexOf(c.expectedClaimId);
    if (rank < 0) console.log(`    miss: ${c.statement}`);
  });
}

/** ru→en and uk→en: the passage in Russian or Ukrainian, the English claim expected in the top 5. */
async function crossLanguageQuality(workspaceId: string, scale: string) {
  for (const language of ["ru", "uk"] as const) {
    const cases = await crossLanguageCases(workspaceId, language);
    const results: string[][] = [];
    for (const c of cases) results.push((await suggestClaims({ workspaceId, text: c.text, limit: 5 })).map((h) => h.claimId));
    const h = hits(cases, results);
    const note = `${cases.length} passages`;
    recordInfo({ area: "suggestions", measure: `hit@1, ${language}→en`, scale, value: h.at1, unit: "", note });
    recordAtLeast({ area: "suggestions", measure: `hit@5, ${language}→en`, scale, value: h.at5, unit: "", note }, TARGET_CROSS_HIT5);
    if (h.at5 < TARGET_CROSS_HIT5) console.log(`    NOT MET: hit@5 ${language}→en ${h.at5.toFixed(2)} < ${TARGET_CROSS_HIT5}`);
    cases.forEach((c, i) => {
      if (!results[i].slice(0, 5).includes(c.expectedClaimId)) console.log(`    miss ${language}→en: ${c.statement}`);
    });
  }
}

/** English paraphrase → claim: our own rewordings of the set's claims, the claim expected in the top 5. */
async function paraphraseQuality(workspaceId: string, scale: string) {
  const cases = await paraphraseCases(workspaceId);
  const results: string[][] = [];
  for (const c of cases) results.push((await suggestClaims({ workspaceId, text: c.text, limit: 5 })).map((h) => h.claimId));
  const h = hits(cases, results);
  const note = `${cases.length} paraphrases`;
  recordInfo({ area: "suggestions", measure: "hit@1, English paraphrase → claim", scale, value: h.at1, unit: "", note });
  recordAtLeast({ area: "suggestions", measure: "hit@5, English paraphrase → claim", scale, value: h.at5, unit: "", note }, TARGET_PARAPHRASE_HIT5);
  cases.forEach((c, i) => {
    if (!results[i].slice(0, 5).includes(c.expectedClaimId)) console.log(`    miss paraphrase: ${c.statement}`);
  });
}

// ---------------------------------------------------------------- speed over HTTP

/**
 * CPU time (ms) of the database's backends and of the app server, read from
 * /proc (PostgreSQL runs on this machine): what the requests cost, apart
 * from waiting for a core, which on a loaded machine is most of the p95.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux
function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    // after "(comm) ": state is field 3; utime, stime, cutime, cstime are fields 14–17
    return fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0) * TICK_MS;
  } catch {
    return 0;
  }
}

async function backendCpu(): Promise<Map<number, number>> {
  const rows = await db.$queryRawUnsafe<{ pid: number }[]>(CLIENT_BACKENDS_SQL);
  return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
}

async function cpuSpent<T>(serverPid: number, f: () => Promise<T>): Promise<{ result: T; dbMs: number; appMs: number }> {
  const before = await backendCpu();
  const appBefore = processCpuMs(serverPid);
  const result = await f();
  const appMs = processCpuMs(serverPid) - appBefore;
  let dbMs = 0;
  for (const [pid, ms] of await backendCpu()) dbMs += ms - (before.get(pid) ?? 0);
  return { result, dbMs, appMs };
}

export async function signIn(baseUrl: string, email: string, password = PASSWORD): Promise<string> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Your workspaces" }).waitFor();
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

async function timeGets(urls: string[], passes: number, cookie: string, warm = true, bodies: string[] = []): Promise<number[]> {
  const get = async (url: string) => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${res.status} from ${url.slice(0, 200)}…: ${body.slice(0, 200)}`);
    bodies.push(body);
    return performance.now() - t0;
  };
  if (warm) for (const url of urls) await get(url); // warm-up: connections, compiled routes, plans, caches
  bodies.length = 0;
  const times: number[] = [];
  for (let p = 0; p < passes; p++) for (const url of urls) times.push(await get(url));
  return times;
}

/** UNSEEN statements of the workspace's live claims (a deleted or merged one is never suggested) not asked before in this run (`asked` holds the evaluation set's and collects them), with their ids. */
async function unseenSelections(workspaceId: string, asked: Set<string>): Promise<{ id: string; statement: string }[]> {
  const rows = await db.$queryRaw<{ id: string; statement: string }[]>`
    SELECT "id", "statement" FROM "Claim" WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND "mergedIntoId" IS NULL AND NOT ("id" = ANY(${[...asked]}::text[]))
    ORDER BY md5("id") LIMIT ${UNSEEN}`;
  for (const r of rows) asked.add(r.id);
  return rows;
}

type Group = "short" | "typical" | "crossLanguage" | "huge" | "typed" | "unseen";
const LABEL: Record<Group, string> = {
  unseen: "p95 over HTTP, claims' own statements, each asked once (not warmed)",
  short: "p95 over HTTP, short or common selections",
  typical: "p95 over HTTP, typical selections",
  crossLanguage: "p95 over HTTP, typical selections in Russian and Ukrainian",
  huge: "p95 over HTTP, huge selections (40 words … 4,000 chars)",
  typed: "p95 over HTTP, typed search q=",
};

async function speed(base: string, cookie: string, serverPid: number, inputs: Record<Group, string[]>, scale: string, judged: boolean, unseenIds: string[]) {
  const p95: Partial<Record<Group, number>> = {};
  // The unseen statements last, once the server is warm from the others.
  for (const group of [...(Object.keys(LABEL) as Group[]).filter((g) => g !== "unseen"), "unseen" as const]) {
    const param = group === "typed" ? "q" : "text";
    const urls = inputs[group].map((t) => `${base}?${param}=${encodeURIComponent(t)}`);
    const load = os.loadavg()[0];
    const bodies: string[] = [];
    const { result: times, dbMs, appMs } = await cpuSpent(serverPid, () => timeGets(urls, PASSES[group], cookie, group !== "unseen", bodies));
    if (group === "unseen") {
      // Each statement's own claim among its suggestions (black-box, session 37, F4: 0.85 in the top 5).
      const ranks = bodies.map((b, i) => (JSON.parse(b) as { suggestions: { claimId: string }[] }).suggestions.findIndex((x) => x.claimId === unseenIds[i]));
      const note = `${ranks.length} statements`;
      recordInfo({ area: "suggestions", measure: "a claim's own statement: the claim first", scale, value: ranks.filter((r) => r === 0).length / ranks.length, unit: "", note });
      recordInfo({ area: "suggestions", measure: "a claim's own statement: the claim in the top 5", scale, value: ranks.filter((r) => r >= 0 && r < 5).length / ranks.length, unit: "", note });
    }
    p95[group] = percentile(times, 95);
    const requests = times.length + (group === "unseen" ? 0 : urls.length); // the warm-up pass is inside the CPU window too
    const note = `${times.length} requests; load ${load.toFixed(1)}`;
    const r = { area: "suggestions", measure: LABEL[group], scale, value: p95[group], unit: "ms", note };
    recordInfo({ ...r, measure: LABEL[group].replace("p95", "p50"), value: percentile(times, 50) });
    const cpuNote = `${requests} requests; CPU from /proc, 10 ms ticks`;
    recordInfo({ ...r, measure: LABEL[group].replace("p95 over HTTP", "database CPU per request (all backends)"), value: dbMs / requests, note: cpuNote });
    recordInfo({ ...r, measure: LABEL[group].replace("p95 over HTTP", "app server CPU per request"), value: appMs / requests, note: cpuNote });
    if (judged) recordAtMost(r, group === "typed" ? TARGET_TYPED_MS : TARGET_SELECTION_MS);
    else recordInfo(r);
  }
  return p95 as Record<Group, number>;
}

/** EXPLAIN ANALYZE of the worst selections at the largest scale: where the time goes, and how many postings were read. */
async function explainWorst(workspaceId: string, texts: string[]) {
  console.log("\n  EXPLAIN ANALYZE, worst selections:");
  for (const text of texts) {
    const plan = await explainSuggestion({ selection: { workspaceId, text } });
    const postings = plan.match(/CTE postings\n.*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/)?.[1] ?? "?";
    const times = plan.split("\n").filter((l) => /Planning Time|Execution Time/.test(l)).map((l) => l.trim()).join(", ");
    console.log(`    ${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}…` : text).padEnd(44)} ${postings} postings read; ${times}`);
  }
}

// ---------------------------------------------------------------- main

/**
 * SUGGESTIONS_BENCH_KEEP_DB=<name>: the bench's data goes into that database
 * (made afresh) and stays after the run, for profiling the largest scale;
 * SUGGESTIONS_BENCH_REUSE_DB=<name> then measures again on it without
 * generating anything (SUGGESTIONS_BENCH_SCALES = its number of claims).
 */
async function benchDatabase() {
  const name = process.env.SUGGESTIONS_BENCH_KEEP_DB;
  if (!name) return undefined;
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  await migrate(url.toString());
  console.log(`  data kept in ${url}`);
  return { url: url.toString(), drop: async () => undefined };
}

/**
 * The evaluation set's cases in a workspace seeded earlier (SUGGESTIONS_BENCH_REUSE_DB):
 * each selection cut from the corpus file as seedEvaluationSet cuts it from the imported article.
 */
export async function evaluationCasesIn(workspaceId: string): Promise<EvaluationCase[]> {
  const claims = await db.claim.findMany({ where: { workspaceId, statement: { in: EVALUATION_CLAIMS.map((c) => c.statement) } }, select: { id: true, statement: true } });
  const ids = new Map(claims.map((c) => [c.statement, c.id]));
  const files = new Map(readdirSync(CORPUS_DIR).filter((f) => /^\d{3}_.*\.txt$/.test(f)).map((f) => [f.slice(0, 3), readFileSync(path.join(CORPUS_DIR, f), "utf8")]));
  return EVALUATION_CLAIMS.flatMap((c) =>
    c.selections.map((ref) => {
      const text = files.get(ref.file)!;
      const { start, end } = sentenceAround(text, ref.find);
      return { text: text.slice(start, end), expectedClaimId: ids.get(c.statement)!, statement: c.statement, source: ref.file };
    }),
  );
}

/**
 * SUGGESTIONS_BENCH_DATASET=<template> (with SUGGESTIONS_BENCH_SCALES=<its claims>, e.g. ct_pages_1m and 1000000):
 * measure in a copy of a pages-bench scale dataset (bench/lib/dataset.ts, generated in SQL, kept as a template by
 * bench/generate-template.ts) with the evaluation set seeded into its workspace, instead of generating the skewed
 * distractors through the app's triggers (a million of those would take hours here). Its claims are news-like over
 * the dataset's own word lists, not the corpus's: "Russia" and "NATO" are rare there, so the short selections get
 * the dataset's common words too ("percent" is in about a third of its claims). The baselines score every claim
 * (seconds a query at 1M), so they are left out and hit@5 is informational.
 */
const DATASET = process.env.SUGGESTIONS_BENCH_DATASET;
const DATASET_COMMON = ["percent", "said", "Poland", "inflation", "Foreign Minister", "the statistics office", "Warsaw"];

async function datasetCopy() {
  if (!DATASET) return undefined;
  const copy = await datasetDatabase(process.env.DATABASE_URL!, { claims: SCALES[0], seed: 11, template: DATASET, log: (l) => console.log(`  ${l}`) });
  if (copy.generated) console.log(`  generated ${DATASET} first`);
  return copy;
}

/** A new workspace with the evaluation set, or (SUGGESTIONS_BENCH_REUSE_DB) the one a kept run left, with its claims. */
async function benchWorkspace(dataset?: GeneratedWorkspace) {
  if (dataset) {
    const { cases, claimIds } = await seedEvaluationSet({ workspaceId: dataset.workspaceId, actorId: dataset.admin.id, withMentions: true });
    console.log(`  ${dataset.claims.toLocaleString("en")} claims of ${DATASET} and the evaluation set's ${claimIds.length}`);
    return { email: dataset.admin.email, password: DATASET_PASSWORD, workspace: { id: dataset.workspaceId, slug: dataset.slug }, cases, claims: dataset.claims, evaluationIds: claimIds };
  }
  if (process.env.SUGGESTIONS_BENCH_REUSE_DB) {
    const [w] = await db.$queryRaw<{ id: string; slug: string; email: string; claims: number }[]>`
      SELECT w."id", w."slug", u."email", (SELECT count(*)::int FROM "Claim" c WHERE c."workspaceId" = w."id") AS claims
      FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w."id" JOIN "User" u ON u."id" = m."userId"
      WHERE w."name" = 'Suggestions bench' ORDER BY claims DESC LIMIT 1`;
    console.log(`  reusing workspace ${w.slug} with ${w.claims.toLocaleString("en")} claims`);
    const cases = await evaluationCasesIn(w.id);
    return { email: w.email, password: PASSWORD, workspace: { id: w.id, slug: w.slug }, cases, claims: w.claims, evaluationIds: cases.map((c) => c.expectedClaimId) };
  }
  const email = `bench-suggestions-${Date.now()}@example.test`;
  const user = await createUser({ name: "Bench Suggestions", email, password: PASSWORD });
  const workspace = await createWorkspace({ name: "Suggestions bench", ownerId: user.id });
  const { cases, claimIds } = await seedEvaluationSet({ workspaceId: workspace.id, actorId: user.id, withMentions: true });
  return { email, password: PASSWORD, workspace, cases, claims: claimIds.length, evaluationIds: claimIds };
}

async function main() {
  const reuse = process.env.SUGGESTIONS_BENCH_REUSE_DB;
  const dataset = await datasetCopy();
  const server = await startTestServer({
    quiet: true,
    database: dataset
      ? dataset.database
      : reuse
        ? { url: Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${reuse}` }).toString(), drop: async () => undefined }
        : await benchDatabase(),
  });
  process.env.DATABASE_URL = server.database.url;
  try {
    const { email, password, workspace, cases, claims: seeded, evaluationIds } = await benchWorkspace(dataset?.ws);
    const common = corpusWords();
    const lists = generatorLists(common);
    const cookie = await signIn(server.baseUrl, email, password);
    const base = `${server.baseUrl}/api/w/${workspace.slug}/claims/suggestions`;
    const crossLanguage = [...(await crossLanguageCases(workspace.id, "ru")), ...(await crossLanguageCases(workspace.id, "uk"))].map((c) => c.text);
    const inputs: Record<Group, string[]> = { short: [...shortSelections(common), ...(dataset ? DATASET_COMMON : [])], typical: cases.map((c) => c.text), crossLanguage, huge: hugeSelections(common), typed: TYPED, unseen: [] };
    const asked = new Set<string>(evaluationIds);

    let claims = seeded;
    const p95At: Record<number, Record<Group, number>> = {};
    for (const target of SCALES) {
      if (target < claims) throw new Error(`The workspace has ${claims} claims already, more than ${target}`);
      const t0 = performance.now();
      if (target > claims) await insertDistractors(workspace.id, claims, target - claims, lists);
      console.log(`\n${target.toLocaleString("en")} claims (${(target - claims).toLocaleString("en")} generated in ${((performance.now() - t0) / 1000).toFixed(0)} s); load ${os.loadavg()[0].toFixed(1)}`);
      claims = target;
      const scale = target >= 1_000_000 ? `${target / 1_000_000}M claims` : `${target / 1000}k claims`;
      // The largest scale measured, and only from 100k up: a quick run at 10k alone judges nothing (report.ts).
      const judged = target === SCALES.at(-1) && target >= TARGET_CLAIMS;
      await quality(workspace.id, cases, scale, judged, !dataset);
      await crossLanguageQuality(workspace.id, scale);
      await paraphraseQuality(workspace.id, scale);
      const unseen = await unseenSelections(workspace.id, asked);
      inputs.unseen = unseen.map((u) => u.statement);
      p95At[target] = await speed(base, cookie, server.pid, inputs, scale, judged, unseen.map((u) => u.id));
    }
    await explainWorst(workspace.id, [...inputs.short.slice(0, 4), ...inputs.huge.slice(0, 2)]);
    const [small, large] = SCALES;
    for (const group of large === undefined ? [] : (Object.keys(LABEL) as Group[])) {
      recordAtMost(
        { area: "suggestions", measure: `growth of ${LABEL[group]}`, scale: "10k → 100k claims", value: p95At[large][group] / p95At[small][group], unit: "×" },
        TARGET_GROWTH,
      );
    }
    const sample = await db.claim.findMany({ where: { workspaceId: workspace.id, id: { startsWith: "gen-" } }, select: { statement: true }, take: 5 });
    console.log(`  sample generated claims:\n${sample.map((s) => `    ${s.statement}`).join("\n")}`);
  } finally {
    await db.$disconnect();
    await server.stop();
  }
}

// Run as a script (bench/run.ts starts it in its own process); importable for a look at its parts.
if (process.argv[1]?.endsWith("suggestions.bench.ts")) main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
