/**
 * The scale dataset (issue 11): a whole workspace at a given size, generated in
 * SQL (INSERT … SELECT over generate_series) into a throwaway database, in
 * minutes for 100k claims (725 s at load ~30) and, estimated, 20–30 min for 1M on
 * a quiet 2-core machine (~2 h at load 30).
 *
 *   const database = await createTestDatabase();
 *   const ws = await generateWorkspace(database.url, { claims: 100_000, seed: 1 });
 *
 * What one workspace of N claims holds:
 * - N claims: news-like statements from templates × word lists (a vocabulary of
 *   several hundred words beyond the reference corpus's), claimants, dates,
 *   review states (55 % unreviewed, 25 % in review, 20 % approved), verdicts
 *   with explanations, tags, assignees, 0.5 % deleted and 2.5 % merged into
 *   another claim (chains of up to five);
 * - N/50 articles of 100 paragraphs (~18k characters each), a first revision each;
 * - 2N highlights, 100 per article, each anchored at its real offsets in its
 *   article's text (exact, prefix and suffix agree with the text). Each claim is
 *   mentioned by its own article's highlight and, mostly, one in another
 *   article; the first `hotClaims` claims have 200 mentions each in 200
 *   articles (when there are that many), which the claim page must cope with;
 *   a merged claim's highlights belong to the claim it was merged into, as
 *   after a merge in the app;
 * - ~1.1 sources per claim (every approved claim has one), relations between
 *   claims (~N/5), comments (5 %), and the events the app would have written
 *   (created, mention-added, review-state, verdict, source-added,
 *   relation-added, merged, deleted);
 * - eight members (admin, reviewers, annotators, a viewer), a live session and
 *   an API token for the admin.
 *
 * Generated text is all in the Basic Multilingual Plane (curly quotes and dashes
 * included), so PostgreSQL's character offsets equal the app's UTF-16 offsets.
 * Triggers and foreign-key checks are off while loading
 * (session_replication_role = replica): highlights go in before their claims,
 * and each claim's search document is put together from pieces parsed once per
 * text by the app's own search_piece(), equal to what claim_search_document()
 * gives (bench/lib/dataset.test.ts checks every one); from 100k claims the
 * tables' secondary indexes are built after loading; then everything is
 * vacuumed and ANALYZEd. bench/generate-template.ts generates a template ahead of a bench.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, TOKEN_PREFIX } from "@/lib/api-v1/tokens";

export interface GenerateOptions {
  claims: number;
  /** Same seed, same text and structure (ids differ: they carry a per-run tag). */
  seed?: number;
  /** Claims with 200 mentions each (default 3). */
  hotClaims?: number;
  /** Progress lines on stdout. */
  log?: (line: string) => void;
  /** Claims per batch of search documents (default 50,000; claims go in four batches at a time). */
  batch?: number;
  /** Sessions parsing the statements side by side (default 2, this machine's cores). */
  workers?: number;
  /** Drop the tables' secondary indexes while loading and build them after (default: from 100k claims). */
  rebuildIndexes?: boolean;
}

export interface GeneratedWorkspace {
  workspaceId: string;
  slug: string;
  /** The admin: password, a live Session row (put its id in a session token) and an API token for /api/v1. */
  admin: { id: string; email: string; name: string; password: string; sessionId: string; apiToken: string };
  /** A reviewer (another member), e.g. as the assignee filter. */
  reviewerId: string;
  claims: number;
  articles: number;
  highlights: number;
  /** Claims with 200 mentions (or as many as there are articles × 2 when fewer). */
  hotClaimIds: string[];
  /** A claim as most are: two mentions, a source, a few events. */
  typicalClaimId: string;
  /** A claim merged into another that was itself merged (its URL redirects to `chainSurvivorId`). */
  mergedClaimId: string;
  /** The claim at the end of a five-claim merge chain. */
  chainSurvivorId: string;
  deletedClaimId: string;
  /** An article with 100 highlights. */
  articleId: string;
  /** Values that filters can use and that match some claims. */
  sample: { claimant: string; tag: string; statementWord: string };
  /** Seconds spent generating. */
  seconds: number;
}

export const DATASET_PASSWORD = "bench password 1234";

// Word lists: names, places and subjects across politics, economy, health,
// climate, sport, science and crime, so statements are news-like without being
// the reference corpus's words.
const FIRST = ["Anna", "Marek", "Olena", "James", "Fatima", "Kenji", "Lucia", "Tomasz", "Amara", "Pieter", "Sofia", "Rahul", "Ingrid", "Mateo", "Leila", "Dmitri", "Grace", "Hassan", "Elif", "Jonas", "Mariana", "Kwame", "Yuki", "Carlos", "Helena", "Arjun", "Nadia", "Viktor", "Chloe", "Samuel", "Irina", "Omar", "Beatriz", "Lars", "Priya", "Stefan", "Aisha", "Milan", "Rosa", "Daniel"];
const LAST = ["Kovacs", "Novak", "Petrenko", "Whitfield", "Haddad", "Tanaka", "Moretti", "Wisniewski", "Okafor", "de Vries", "Lindqvist", "Mehta", "Halvorsen", "Fernandez", "Karimi", "Volkov", "Mensah", "Yilmaz", "Brandt", "Oliveira", "Adeyemi", "Sato", "Navarro", "Schreiber", "Kapoor", "Sokolova", "Duarte", "Dubois", "Lambert", "Ivanova", "Rahman", "Castillo", "Berg", "Nair", "Popescu", "Mwangi", "Horvat", "Romero", "Fischer", "Kowalczyk", "Andersen", "Silva", "Markovic", "Chen", "Okonkwo", "Baptiste", "Quinn", "Farouk", "Jensen", "Almeida"];
const ROLES = ["Foreign Minister", "Defence Secretary", "Health Minister", "Finance Minister", "Prime Minister", "President", "Mayor", "Senator", "opposition leader", "central bank governor", "trade union leader", "police chief", "chief executive", "spokesperson", "energy minister", "education secretary", "chief scientist", "army general", "governor", "ambassador"];
const COUNTRIES = ["Poland", "Ukraine", "Germany", "France", "Brazil", "Kenya", "Japan", "India", "Turkey", "Canada", "Mexico", "Nigeria", "Sweden", "Spain", "Italy", "Egypt", "Indonesia", "Argentina", "Norway", "Vietnam", "Chile", "Ghana", "Romania", "Portugal", "Finland", "Morocco", "Peru", "Greece", "Hungary", "Australia", "South Africa", "the Netherlands", "the Philippines", "Colombia", "Pakistan", "Ireland", "Austria", "Czechia", "Denmark", "Serbia"];
const CITIES = ["Warsaw", "Lagos", "Lisbon", "Osaka", "Nairobi", "Lyon", "Bogotá", "Gdańsk", "Porto", "Hamburg", "Marseille", "Mumbai", "Izmir", "Montreal", "Monterrey", "Gothenburg", "Valencia", "Naples", "Alexandria", "Surabaya", "Córdoba", "Bergen", "Da Nang", "Valparaíso", "Kumasi", "Cluj", "Tampere", "Casablanca", "Arequipa", "Thessaloniki", "Debrecen", "Perth", "Durban", "Rotterdam", "Cebu", "Medellín", "Lahore", "Cork", "Graz", "Brno"];
const NOUNS = ["teachers", "nurses", "soldiers", "refugees", "wind turbines", "tanks", "hospital beds", "electric buses", "vaccines", "police officers", "housing units", "schools", "drones", "tonnes of grain", "jobs", "migrants", "doctors", "power plants", "kilometres of railway", "firefighters", "solar panels", "prison places", "bridges", "companies", "farmers", "students", "flights", "cyberattacks", "factories", "pensioners", "ambulances", "charging stations", "apartments", "judges", "scientists", "border guards", "fishing boats", "wells", "clinics", "startups"];
const ORGS = ["the statistics office", "the World Health Organization", "the European Commission", "the central bank", "the interior ministry", "the electoral commission", "the IMF", "Amnesty International", "the UN refugee agency", "the finance ministry", "a parliamentary committee", "the national audit office", "the meteorological service", "the energy regulator", "the football federation", "the supreme court", "a government watchdog", "the OECD", "the labour ministry", "the transport authority"];
const TOPICS = ["unemployment", "inflation", "child poverty", "carbon emissions", "violent crime", "defence spending", "rent prices", "hospital waiting times", "youth unemployment", "the budget deficit", "grain exports", "electricity prices", "voter turnout", "public debt", "measles cases", "road deaths", "forest cover", "literacy rates", "asylum applications", "average wages", "gas imports", "rainfall", "tourism revenue", "the birth rate", "homelessness", "air pollution", "school dropout rates", "military recruitment", "household savings", "internet coverage"];
const VERBS = ["sent", "delivered", "promised", "cut", "hired", "deployed", "built", "closed", "imported", "exported", "pledged", "withdrew", "approved", "blocked", "funded", "recruited", "sold", "bought", "lost", "destroyed", "trained", "evacuated", "registered", "vaccinated", "dismissed", "financed", "restored", "shipped", "requested", "rejected"];
const ADJECTIVES = ["record", "unprecedented", "modest", "sharp", "historic", "temporary", "secret", "illegal", "emergency", "voluntary", "binding", "controversial", "long-awaited", "bilateral", "nationwide", "rapid", "gradual", "significant", "massive", "partial"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const OUTLETS = ["Reuters", "the Associated Press", "Agence France-Presse", "a regional newspaper", "public radio", "a state broadcaster", "an independent news site", "a business daily", "a weekly magazine", "a local television channel"];
const TAGS = ["economy", "health", "elections", "defence", "migration", "climate", "energy", "crime", "education", "housing", "sport", "science", "diplomacy", "agriculture", "transport", "labour", "budget", "courts", "media", "technology", "disinformation", "war", "sanctions", "europe", "africa", "asia", "americas", "viral", "statistics", "quotes"];
const PUBLISHERS = ["The Daily Ledger", "Northern Courier", "Global Wire", "Metro Post", "The Evening Standard-Bearer", "Capital Times", "Harbour Herald", "Continental Review", "Morning Dispatch", "Valley Gazette"];

// Statement templates: format() arguments
// 1 person  2 role  3 country  4 number  5 plural noun  6 city  7 month  8 year
// 9 topic  10 organisation  11 past verb  12 percent  13 adjective  14 other country  15 later year  16 outlet
const STATEMENTS = [
  "%2$s %1$s said %3$s had %11$s %4$s %5$s to %6$s since %7$s %8$s.",
  "%3$s %11$s more than %4$s %5$s in %8$s, according to %10$s.",
  "%9$s in %3$s rose by %12$s percent between %8$s and %15$s.",
  "%9$s in %3$s fell to its lowest level since %8$s, %10$s reported.",
  "%1$s claimed that %14$s had %11$s %4$s %5$s without telling parliament.",
  "The government of %3$s spent %4$s million euros on %5$s in %7$s alone.",
  "%6$s now has fewer %5$s per resident than any other city in %3$s.",
  "A %13$s deal signed in %6$s in %7$s %8$s commits %3$s to buy %4$s %5$s from %14$s.",
  "%1$s, the %2$s, said %12$s percent of %5$s in %3$s were paid below the minimum wage.",
  "“We have %11$s %4$s %5$s this year,” %2$s %1$s told reporters in %6$s.",
  "%10$s found that %9$s doubled in %3$s after the %13$s reform of %8$s.",
  "%3$s has not %11$s a single one of the %4$s %5$s it promised %14$s in %8$s.",
  "%1$s said %14$s was responsible for %12$s percent of all %5$s %11$s to %3$s.",
  "Since %8$s, %9$s in %6$s has grown faster than anywhere else in %3$s — %10$s says by %12$s percent.",
  "%2$s %1$s denied that %3$s %11$s %5$s to %14$s in %7$s.",
  "Half of all %5$s in %3$s will be gone by %15$s unless %9$s is tackled, %1$s warned.",
  "%10$s counted %4$s %5$s in %6$s last %7$s, %12$s percent more than a year earlier.",
  "%3$s became the first country in Europe to ban %13$s imports of %5$s in %8$s.",
  "%1$s told %16$s that %9$s in %3$s is the worst it has been since %8$s.",
  "%4$s %5$s were %11$s from %6$s during the %13$s operation in %7$s %8$s.",
  "%3$s and %14$s agreed in %6$s to cut %9$s by %12$s percent before %15$s.",
  "%1$s said every one of the %4$s %5$s %11$s in %8$s had been paid for by %14$s.",
  "%10$s says %9$s costs %3$s %4$s million euros a year.",
  "The %2$s of %3$s, %1$s, said on %16$s that %9$s had been halved since %8$s.",
];
// Sentences around each highlight: at least 32 characters, so a highlight's prefix and suffix lie in its own paragraph.
const LEADS = [
  "Speaking in %6$s on %7$s %4$s, %1$s addressed the question directly.",
  "The report, published by %10$s in %7$s, drew wide attention in %3$s.",
  "According to figures seen by %16$s, the picture is less clear.",
  "In an interview with %16$s, the %2$s went further than before.",
  "Critics in %14$s were quick to respond to the remarks made in %6$s.",
  "At a press conference in %6$s, officials repeated the argument.",
  "The debate over %9$s has dominated the campaign in %3$s for months.",
  "Opposition politicians in %3$s have questioned the official numbers.",
];
const TRAILS = [
  "The claim could not be independently verified by %16$s.",
  "%10$s has not yet published the underlying data for %8$s.",
  "Officials in %14$s declined to comment when contacted on %7$s %4$s.",
  "Independent analysts in %6$s said the figure was plausible but incomplete.",
  "A spokesperson for %1$s did not respond to a request for comment.",
  "The statement was widely shared on social media in %3$s and %14$s.",
  "Previous estimates by %10$s put the number considerably lower.",
  "Parliament in %3$s is due to debate the issue again in %7$s.",
];
const HEADLINES = [
  "%1$s defends record on %9$s as %3$s heads to the polls",
  "%10$s questions %3$s figures on %5$s",
  "%3$s and %14$s clash over %9$s at summit in %6$s",
  "What we know about the %13$s plan for %5$s in %6$s",
  "%2$s %1$s under pressure over %9$s",
];

/** SQL for a deterministic pick from array parameter `$arr` for row `key`, independent per `slot`. */
const pickFrom = (arr: string, len: number, key: string, salt: number) => `(${arr}::text[])[1 + abs(hashint8extended(${key}, ${salt}) % ${len})]`;
const hashOf = (key: string, salt: number, mod: number) => `abs(hashint8extended(${key}, ${salt}) % ${mod})`;

/** The 16 format() arguments for row `key`, as SQL; `$1…$11` are the word lists in the order of WORD_PARAMS. */
function slots(key: string, salt: number): string {
  const s = (i: number) => salt * 100 + i;
  return [
    `${pickFrom("$1", FIRST.length, key, s(1))} || ' ' || ${pickFrom("$2", LAST.length, key, s(2))}`,
    pickFrom("$3", ROLES.length, key, s(3)),
    pickFrom("$4", COUNTRIES.length, key, s(4)),
    `(12 + ${hashOf(key, s(5), 9000)})::text`,
    pickFrom("$5", NOUNS.length, key, s(6)),
    pickFrom("$6", CITIES.length, key, s(7)),
    pickFrom("$7", MONTHS.length, key, s(8)),
    `(2005 + ${hashOf(key, s(9), 18)})::text`,
    pickFrom("$8", TOPICS.length, key, s(10)),
    pickFrom("$9", ORGS.length, key, s(11)),
    pickFrom("$10", VERBS.length, key, s(12)),
    `(2 + ${hashOf(key, s(13), 70)})::text`,
    pickFrom("$11", ADJECTIVES.length, key, s(14)),
    pickFrom("$4", COUNTRIES.length, key, s(15)),
    `(2024 + ${hashOf(key, s(16), 12)})::text`,
    pickFrom("$12", OUTLETS.length, key, s(17)),
  ].join(", ");
}
const WORD_PARAMS = [FIRST, LAST, ROLES, COUNTRIES, NOUNS, CITIES, MONTHS, TOPICS, ORGS, VERBS, ADJECTIVES, OUTLETS];

/** format() of a template picked for row `key` from array parameter `$tpl`. */
const sentence = (tpl: string, count: number, key: string, salt: number) =>
  `format(${pickFrom(tpl, count, key, salt * 100 + 99)}, ${slots(key, salt)})`;

function rich(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

/**
 * Generates a workspace of `claims` claims into the (migrated) database at
 * `databaseUrl`. Several workspaces can live in one database: every id carries
 * a per-run tag.
 */
export async function generateWorkspace(databaseUrl: string, options: GenerateOptions): Promise<GeneratedWorkspace> {
  const started = performance.now();
  const N = Math.max(10, Math.floor(options.claims));
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => {});
  const A = Math.max(1, Math.ceil(N / 50));
  const H = Math.min(options.hotClaims ?? 3, Math.floor(N / 400)); // 200 second mentions each out of N
  const HOT_MENTIONS = 200;
  const tag = `b${randomBytes(4).toString("hex")}`;
  const pad = (g: number) => String(g).padStart(8, "0");
  const claimId = (g: number) => `${tag}c${pad(g)}`;
  const id = (kind: string, expr: string) => `'${tag}${kind}' || lpad((${expr})::text, 8, '0')`;
  const workspaceId = `${tag}w`;
  const slug = `bench-${tag}`;
  const userIds = Array.from({ length: 8 }, (_, i) => `${tag}u${i}`);
  const [adminId, reviewerA, reviewerB, ...rest] = userIds;
  const annotators = rest.slice(0, 4);
  const viewerId = rest[4];
  const apiToken = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const sessionId = randomBytes(32).toString("base64url");
  const passwordHash = await hashPassword(DATASET_PASSWORD);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return res;
  };
  const words = WORD_PARAMS;
  // CPU-bound steps over claims 1…N in batches, in several sessions side by side (options.workers), each with
  // the loading session's settings; progress and claims/s logged per batch and for the whole step.
  const inParallel = async (label: string, batchSql: (lo: number, hi: number) => [string, unknown[]]) => {
    const batch = Math.max(1, options.batch ?? 50_000);
    let next = 1;
    const started = performance.now();
    const worker = async () => {
      const w = new pg.Client({ connectionString: databaseUrl });
      await w.connect();
      try {
        await w.query("SET session_replication_role = replica");
        await w.query("SET work_mem = '256MB'");
        while (next <= N) {
          const lo = next;
          const hi = Math.min(N, lo + batch - 1);
          next = hi + 1;
          const t0 = performance.now();
          await w.query(...batchSql(lo, hi));
          const s = (performance.now() - t0) / 1000;
          log(`  ${label} ${lo.toLocaleString("en")}–${hi.toLocaleString("en")} of ${N.toLocaleString("en")}: ${s.toFixed(1)} s, ${((hi - lo + 1) / s).toFixed(0)} claims/s in this session`);
        }
      } finally {
        await w.end();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.workers ?? 2) }, worker));
    const s = (performance.now() - started) / 1000;
    log(`  ${label}: ${s.toFixed(1)} s, ${(N / s).toFixed(0)} claims/s`);
  };
  try {
    await client.query("SET session_replication_role = replica"); // no triggers, no FK checks while loading
    await client.query("SET work_mem = '256MB'");
    await client.query("SET maintenance_work_mem = '512MB'");
    // A large workspace loads faster into tables without their secondary indexes, which are then built once,
    // sorted, rather than row by row (the claims' GIN and trigram indexes, 15 postings a claim, 4 events a claim):
    // at 1M claims most of the loading time was index maintenance. Unique indexes stay (ON CONFLICT needs them).
    const rebuild = options.rebuildIndexes ?? N >= 100_000;
    const secondary = rebuild
      ? (
          await client.query<{ name: string; def: string }>(
            `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
              WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND NOT i.indisunique AND NOT i.indisprimary`,
            [["Annotation", "AnnotationEvent", "Claim", "ClaimSearchTerm", "Change", "Source", "ClaimComment", "ClaimRelation"]],
          )
        ).rows
      : [];
    for (const ix of secondary) await client.query(`DROP INDEX ${ix.name}`);

    // People, the workspace, a session and an API token.
    const members: [string, string, string][] = [
      [adminId, "admin", "Ada Admin"],
      [reviewerA, "reviewer", "Rui Reviewer"],
      [reviewerB, "reviewer", "Rhea Reviewer"],
      ...annotators.map((u, i): [string, string, string] => [u, "annotator", `Annotator ${i + 1}`]),
      [viewerId, "viewer", "Vic Viewer"],
    ];
    await client.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $2, $3)`, [workspaceId, slug, `Scale ${N.toLocaleString("en")}`]);
    for (const [uid, role, name] of members) {
      await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [uid, `${uid}@bench.test`, name, passwordHash]);
      await client.query(`INSERT INTO "Membership" (id, "workspaceId", "userId", role) VALUES ($1, $2, $3, $4::"Role")`, [`${uid}m`, workspaceId, uid, role]);
    }
    await client.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '30 days')`, [sessionId, adminId]);
    await client.query(`INSERT INTO "ApiToken" (id, "userId", "workspaceId", name, "tokenHash", prefix) VALUES ($1, $2, $3, 'bench', $4, $5)`, [
      `${tag}t`,
      adminId,
      workspaceId,
      hashToken(apiToken),
      apiToken.slice(0, TOKEN_PREFIX.length + 8),
    ]);

    // Claims. r = g % 1000 decides merges (always into g + 1): r ≡ 5 (mod 50) and r = 10 singly,
    // r = 20, 21 a chain of three, r = 40…44 a chain of six ending at 45; r ≡ 99 (mod 200) deleted.
    const hot = `g <= ${H}`;
    const deleted = `(NOT (${hot}) AND g % 200 = 99)`;
    const survivor = `CASE WHEN g % 1000 IN (20, 21) THEN g - g % 1000 + 22 WHEN g % 1000 BETWEEN 40 AND 44 THEN g - g % 1000 + 45 ELSE g + 1 END`;
    const merged = `(NOT (${hot}) AND (${survivor}) <= ${N} AND (g % 50 = 5 OR g % 1000 IN (10, 20, 21, 40, 41, 42, 43, 44)))`;
    const state = hashOf("g", seed * 1000 + 1, 100);
    const reviewState = `CASE WHEN ${state} < 55 THEN 'unreviewed' WHEN ${state} < 80 THEN 'in-review' ELSE 'approved' END`;
    const hasVerdict = `(${state} >= 80 OR (${state} >= 55 AND ${hashOf("g", seed * 1000 + 2, 10)} < 3))`;
    const createdAt = `(timestamp '2024-01-01' + (g::float8 / ${N} * 700 * 86400 + ${hashOf("g", seed * 1000 + 3, 600)}) * interval '1 second')`;
    await q(
      "claim data",
      `CREATE TEMP TABLE tc AS
         SELECT g, ${sentence("$13", STATEMENTS.length, "g", seed)} AS statement,
           CASE WHEN ${hashOf("g", seed * 1000 + 6, 10)} < 7 THEN format('%s %s %s', ${pickFrom("$3", ROLES.length, "g", seed * 1000 + 7)}, ${pickFrom("$1", FIRST.length, "g", seed * 1000 + 8)}, ${pickFrom("$2", LAST.length, "g", seed * 1000 + 9)}) END AS claimant,
           CASE WHEN ${hashOf("g", seed * 1000 + 10, 10)} < 6 THEN date '2023-01-01' + ${hashOf("g", seed * 1000 + 11, 1000)}::int END AS "claimDate",
           ${reviewState} AS "reviewState",
           CASE WHEN ${hasVerdict} THEN ($14::text[])[1 + ${hashOf("g", seed * 1000 + 12, 7)}] END AS verdict,
           CASE WHEN ${hasVerdict} THEN format('%s The figures published by %s do not support this; see the sources below.', ${sentence("$13", STATEMENTS.length, "g", seed + 7)}, ${pickFrom("$9", ORGS.length, "g", seed * 1000 + 13)}) END AS expl,
           (SELECT coalesce(array_agg(DISTINCT ($15::text[])[1 + abs(hashint8extended(g * 4 + t, ${seed * 1000 + 14}) % ${TAGS.length})]), '{}')
              FROM generate_series(1, ${hashOf("g", seed * 1000 + 15, 4)}::int) t) AS tags,
           CASE WHEN ${state} BETWEEN 55 AND 79 OR ${hashOf("g", seed * 1000 + 16, 5)} = 0 THEN ($16::text[])[1 + ${hashOf("g", seed * 1000 + 17, 7)}] END AS "assigneeId",
           ($17::text[])[1 + g % 4] AS "createdById",
           ${createdAt} AS "createdAt"
         FROM generate_series(1, ${N}) AS g
`,
      [...words, STATEMENTS, ["true", "mostly-true", "mixed", "mostly-false", "false", "unverifiable", "not-a-claim"], TAGS, userIds.slice(1, 8), annotators],
    );
    await client.query("CREATE UNIQUE INDEX ON tc (g)");

    // Highlights: h = 1…2N, article a = (h - 1) % A + 1 at paragraph k = (h - 1) / A + 1.
    // h ≤ N: claim h's own mention. Then 200 per hot claim, then a permutation of the claims (second mentions).
    const P = [7919, 7927, 7933, 7937].find((p) => N % p !== 0)!;
    await q(
      "paragraphs",
      `CREATE TEMP TABLE seg AS
       SELECT h, a, k, c, survivor, lead, exact, trail, lead || ' ' || exact || ' ' || trail AS para
       FROM (
         SELECT h, (h - 1) % ${A} + 1 AS a, (h - 1) / ${A} + 1 AS k, c,
           CASE WHEN ${merged.replaceAll("g", "c")} THEN ${survivor.replaceAll("g", "c")} ELSE c END AS survivor,
           ${sentence("$13", LEADS.length, "h", seed + 20)} AS lead,
           ${sentence("$14", TRAILS.length, "h", seed + 21)} AS trail,
           cl.statement AS exact
         FROM (
           SELECT h, CASE WHEN h <= ${N} THEN h WHEN h - ${N} <= ${H * HOT_MENTIONS} THEN (h - ${N} - 1) / ${HOT_MENTIONS} + 1
                     ELSE (SELECT CASE WHEN v <= ${H} THEN v + ${H} ELSE v END FROM (SELECT ((h - ${N} - 1)::bigint * ${P}) % ${N} + 1 AS v) p) END AS c
           FROM generate_series(1, ${2 * N}) AS h
         ) hc
         JOIN tc cl ON cl.g = hc.c
       ) s`,
      [...words, LEADS, TRAILS],
    );
    // Survivors of chains: merged claims' survivor may itself be merged (chains resolve in one step by construction).
    await q(
      "offsets",
      `CREATE TEMP TABLE segpos AS
       SELECT h, a, k, c, survivor, exact, lead, trail,
         sum(length(para) + 2) OVER (PARTITION BY a ORDER BY k) - length(para) - 2 + length(lead) + 1 AS start
       FROM seg`,
    );
    await client.query(`CREATE INDEX ON segpos (a, k)`);

    await q(
      "articles",
      `INSERT INTO "Article" (id, "workspaceId", title, publisher, author, url, "publishedAt", language, tags, doc, text, "contentHash",
         "createdById", "createdAt", "updatedAt")
       SELECT ${id("a", "a")}, '${workspaceId}', ${sentence("$13", HEADLINES.length, "a", seed + 30)},
         ($14::text[])[1 + ${hashOf("a", seed * 1000 + 31, PUBLISHERS.length)}],
         ${pickFrom("$1", FIRST.length, "a", seed * 1000 + 32)} || ' ' || ${pickFrom("$2", LAST.length, "a", seed * 1000 + 33)},
         'https://news.example.org/' || a || '/' || '${tag}',
         timestamp '2024-01-01' + (a::float8 / ${A} * 700) * interval '1 day', 'en',
         ARRAY[($15::text[])[1 + a % ${TAGS.length}]],
         doc, text, encode(sha256(convert_to(text, 'UTF8')), 'hex'), '${annotators[0]}',
         timestamp '2024-01-01' + (a::float8 / ${A} * 700) * interval '1 day', timestamp '2024-01-01' + (a::float8 / ${A} * 700) * interval '1 day'
       FROM (
         SELECT a, string_agg(para, E'\\n\\n' ORDER BY k) AS text, count(*) AS n,
           jsonb_build_object('type', 'doc', 'content', jsonb_agg(jsonb_build_object('type', 'paragraph', 'content',
             jsonb_build_array(jsonb_build_object('type', 'text', 'text', para))) ORDER BY k)) AS doc
         FROM seg GROUP BY a
       ) x`,
      [...words, HEADLINES, PUBLISHERS, TAGS],
    );
    await q(
      "revisions",
      `INSERT INTO "ArticleRevision" (id, "articleId", number, title, doc, text, "contentHash", "createdById", "createdAt")
       SELECT id || 'r1', id, 1, title, doc, text, "contentHash", "createdById", "createdAt" FROM "Article" WHERE "workspaceId" = '${workspaceId}'`,
    );
    // A deleted claim's highlights are plain highlights, as deleting a claim in the app leaves them (black-box pass of
    // session 31: they had stayed attached, which the reader showed as plain and the exports left out).
    await q(
      "highlights",
      `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "createdById", exact, prefix, suffix, start, "end", status, "anchoredRevision",
         "createdAt", "updatedAt", "claimId")
       SELECT ${id("h", "h")}, '${workspaceId}', ${id("a", "a")}, ($1::text[])[1 + h % 4], exact, right(lead || ' ', 32), left(' ' || trail, 32),
         start, start + length(exact), 'exact', 1, t, t, CASE WHEN ${deleted.replaceAll("g", "survivor")} THEN NULL ELSE ${id("c", "survivor")} END
       FROM (SELECT *, timestamp '2024-01-01' + (a::float8 / ${A} * 700) * interval '1 day' + k * interval '1 minute' AS t FROM segpos) s`,
      [annotators],
    );
    // Relations between standing claims: one from every fifth claim, and 20 onto the first hot claim.
    const standing = (x: string) => `NOT (${merged.replaceAll("g", x)}) AND NOT (${deleted.replaceAll("g", x)})`;
    await q(
      "relations",
      `INSERT INTO "ClaimRelation" (id, "workspaceId", "fromId", "toId", type, note, "createdById", "createdAt")
       SELECT ${id("r", "g")} || '-' || t, '${workspaceId}', ${id("c", "g")}, ${id("c", "t")}, ($1::text[])[1 + g % 4],
         CASE WHEN g % 3 = 0 THEN 'Same figure, different year.' END, '${reviewerA}', timestamp '2024-01-01' + (g::float8 / ${N} * 700 + 1) * interval '1 day'
       FROM (
         SELECT g, ((g::bigint * 31) % ${N} + 1)::int AS t FROM generate_series(5, ${N}, 5) g
         UNION ALL SELECT g, 1 FROM generate_series(2, ${Math.min(21, N)}) g WHERE ${H} > 0
       ) x
       WHERE g <> t AND ${standing("g")} AND ${standing("t")}
       ON CONFLICT DO NOTHING`,
      [["supports", "contradicts", "responds-to", "related"]],
    );

    // Link counts the database keeps for the dashboard (migration q100k_link_counts), where the schema has them.
    const counted = (await client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'Claim' AND column_name = 'articleCount'`)).rowCount === 1;

    // The claims' search documents, as claim_search_document() makes them but each text parsed once: that
    // function parses a claim's statement (A), its claimant (B) and each mention's quote (C), ~3.7 texts a
    // claim, and the parsing is nearly all of a generation's time. Here a quote is the statement of the claim
    // it was cut for (in an English article), so its piece is that statement's piece re-weighted when the
    // statement's own language is English too; claimants repeat (~40k distinct), so each is parsed once. The
    // pieces are put together in claim_search_document()'s order (bench/lib/dataset.test.ts compares every
    // generated document with the function's). In batches, with the rate, so a 1M run shows its progress.
    // Parsing is CPU-bound and each statement is a function of g, so several sessions parse batches side by side
    // (each recomputing its statements from g with tc's own expression) into one unlogged table.
    const pieces = `"bench_piece_${tag}"`;
    await client.query(`CREATE UNLOGGED TABLE ${pieces} (g int PRIMARY KEY, lang text, sa tsvector, sc tsvector)`);
    const BATCH = Math.max(1, options.batch ?? 50_000);
    await inParallel("statement pieces", (lo, hi) => [
      `INSERT INTO ${pieces} (g, lang, sa, sc)
       SELECT g, lang, sa, CASE WHEN lang = 'en' THEN setweight(sa, 'C') ELSE "search_piece"(statement, 'en', 'C') END
       FROM (SELECT g, statement, lang, "search_piece"(statement, lang, 'A') AS sa
             FROM (SELECT g, statement, "search_guess_language"(statement) AS lang
                   FROM (SELECT g, ${sentence("$13", STATEMENTS.length, "g", seed)} AS statement FROM generate_series($14::int, $15::int) AS g) t) x) y`,
      [...words, STATEMENTS, lo, hi],
    ]);
    await q(
      "claimant pieces",
      `CREATE TEMP TABLE claimant_piece AS
       SELECT key, lang, "search_piece"(claimant, lang, 'B') AS sb
       FROM (SELECT DISTINCT ON (coalesce(t.claimant, ''), p.lang) coalesce(t.claimant, '') AS key, t.claimant, p.lang FROM tc t JOIN ${pieces} p USING (g)) d`,
    );
    await q(
      "mention pieces",
      `CREATE TEMP TABLE mention_doc AS
       SELECT s.survivor AS g, "search_tsvector_agg"(p.sc ORDER BY a."createdAt", a.id) AS sv
       FROM segpos s JOIN "Annotation" a ON a.id = ${id("h", "s.h")} JOIN ${pieces} p ON p.g = s.c
       WHERE a."deletedAt" IS NULL AND a."claimId" IS NOT NULL
       GROUP BY s.survivor`,
    );
    await client.query(`CREATE UNIQUE INDEX ON mention_doc (g)`);
    await q(
      "link counts",
      `CREATE TEMP TABLE link_count AS
       SELECT id, sum(articles)::int AS articles, sum(relations)::int AS relations FROM (
         SELECT "claimId" AS id, count(DISTINCT "articleId") AS articles, 0 AS relations FROM "Annotation"
          WHERE "workspaceId" = '${workspaceId}' AND "claimId" IS NOT NULL AND "deletedAt" IS NULL GROUP BY 1
         UNION ALL SELECT "fromId", 0, count(*) FROM "ClaimRelation" WHERE "workspaceId" = '${workspaceId}' GROUP BY 1
         UNION ALL SELECT "toId", 0, count(*) FROM "ClaimRelation" WHERE "workspaceId" = '${workspaceId}' GROUP BY 1
       ) x GROUP BY id`,
    );
    await client.query(`CREATE UNIQUE INDEX ON link_count (id)`);
    // The claims last, their highlights already in place (no foreign-key checks while loading).
    for (let lo = 1; lo <= N; lo += BATCH * 4) {
      const hi = Math.min(N, lo + BATCH * 4 - 1);
      const t0 = performance.now();
      await client.query(
        `INSERT INTO "Claim" (id, "workspaceId", statement, claimant, "claimDate", "reviewState", verdict, explanation, "explanationText",
           tags, "assigneeId", "createdById", "createdAt", "updatedAt", "approvedAt", "approvedById", version, "deletedAt", "deletedById", "mergedIntoId", "mergedAt", "searchVector"${counted ? `, "articleCount", "relationCount"` : ""})
         SELECT ${id("c", "g")}, '${workspaceId}', statement, claimant, "claimDate", "reviewState", verdict,
           CASE WHEN verdict IS NULL THEN NULL ELSE jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', expl))))) END,
           coalesce(expl, ''), tags, "assigneeId", "createdById", "createdAt", "createdAt" + (${hashOf("g", seed * 1000 + 4, 2000)} * interval '1 minute'),
           CASE WHEN "reviewState" = 'approved' THEN "createdAt" + interval '3 days' END,
           CASE WHEN "reviewState" = 'approved' THEN ($1::text[])[1 + g % 2] END,
           1 + ${hashOf("g", seed * 1000 + 5, 6)},
           CASE WHEN ${deleted} THEN "createdAt" + interval '5 days' END, CASE WHEN ${deleted} THEN '${adminId}' END,
           CASE WHEN ${merged} THEN ${id("c", "g + 1")} END, CASE WHEN ${merged} THEN "createdAt" + interval '4 days' END,
           p.sa || cp.sb || coalesce(md.sv, '')
           ${counted ? `, coalesce(lc.articles, 0), coalesce(lc.relations, 0)` : ""}
         FROM tc JOIN ${pieces} p USING (g) JOIN claimant_piece cp ON cp.key = coalesce(tc.claimant, '') AND cp.lang = p.lang
           LEFT JOIN mention_doc md USING (g) LEFT JOIN link_count lc ON lc.id = ${id("c", "g")}
         WHERE g BETWEEN $2 AND $3`,
        [[reviewerA, reviewerB], lo, hi],
      );
      const s = (performance.now() - t0) / 1000;
      log(`  claims ${hi.toLocaleString("en")}/${N.toLocaleString("en")}: ${s.toFixed(1)} s, ${((hi - lo + 1) / s).toFixed(0)} claims/s`);
    }
    await client.query(`DROP TABLE ${pieces}; DROP TABLE claimant_piece; DROP TABLE mention_doc; DROP TABLE link_count`);
    // Postings and the workspace's words, as Claim's insert trigger writes them (triggers are off while loading):
    // without them the suggestions over this dataset would find nothing.
    // In claim id ranges, side by side: one call of claim_search_impacts() a claim is most of this step.
    await inParallel("search postings", (lo, hi) => [
      `INSERT INTO "ClaimSearchTerm" ("claimId", "workspaceId", "lexeme", "impact")
       SELECT c.id, c."workspaceId", i.lexeme, i.impact FROM "Claim" c CROSS JOIN LATERAL "claim_search_impacts"(c."searchVector") i
        WHERE c.id BETWEEN $1 AND $2 AND c."workspaceId" = '${workspaceId}' AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL AND c."searchVector" IS NOT NULL`,
      [claimId(lo), claimId(hi)],
    ]);
    await q(
      "search vocabulary",
      `INSERT INTO "SearchLexeme" ("workspaceId", "lexeme")
       SELECT DISTINCT c."workspaceId", l FROM "Claim" c CROSS JOIN LATERAL unnest(tsvector_to_array(c."searchVector")) AS l
        WHERE c."workspaceId" = '${workspaceId}' AND c."searchVector" IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    await q(
      "highlight events",
      `INSERT INTO "AnnotationEvent" (id, "annotationId", "actorId", kind, "createdAt")
       SELECT id || 'e', id, "createdById", 'created', "createdAt" FROM "Annotation" WHERE "workspaceId" = '${workspaceId}'`,
    );

    // Sources: every approved or verdicted claim has one, others one in two; a third of those two.
    const kinds = ["primary-document", "official-statement", "news-report", "dataset", "expert", "other"];
    const stances = ["supports", "refutes", "context"];
    await q(
      "sources",
      `INSERT INTO "Source" (id, "claimId", url, title, publisher, "publishedAt", "accessedAt", kind, stance, note, "createdById", "createdAt")
       SELECT ${id("c", "g")} || 's' || n, ${id("c", "CASE WHEN merged THEN surv ELSE g END")},
         'https://sources.example.org/' || g || '/' || n, title, ($3::text[])[1 + abs(hashint8extended(g * 3 + n, ${seed * 1000 + 40}) % 10)],
         c."createdAt" - interval '20 days', c."createdAt" + interval '1 day',
         ($1::text[])[1 + abs(hashint8extended(g * 3 + n, ${seed * 1000 + 41}) % 6)],
         ($2::text[])[1 + abs(hashint8extended(g * 3 + n, ${seed * 1000 + 42}) % 3)],
         CASE WHEN n = 2 THEN 'Cross-checked against the original document.' END, c."createdById", c."createdAt" + n * interval '1 hour'
       FROM (
         SELECT g, n, ${merged} AS merged, ${survivor} AS surv,
           format('%s: %s', ${pickFrom("$4", ORGS.length, "g * 3 + n", seed * 1000 + 43)}, ${pickFrom("$5", TOPICS.length, "g * 3 + n", seed * 1000 + 44)}) || ' ' || (2005 + g % 18) AS title
         FROM generate_series(1, ${N}) g, generate_series(1, 2) n
       ) s JOIN "Claim" c ON c.id = ${id("c", "g")}
       WHERE (n = 1 AND (c.verdict IS NOT NULL OR g % 2 = 0)) OR (n = 2 AND g % 3 = 0)`,
      [kinds, stances, PUBLISHERS, ORGS, TOPICS],
    );

    await q(
      "comments",
      `INSERT INTO "ClaimComment" (id, "claimId", "authorId", body, "bodyText", "createdAt", "updatedAt")
       SELECT ${id("c", "g")} || 'k', ${id("c", "g")}, '${reviewerB}', $1::jsonb, $2, now() - interval '10 days', now() - interval '10 days'
       FROM generate_series(20, ${N}, 20) g WHERE ${standing("g")}`,
      [JSON.stringify(rich("Checked the primary source; the number is from the wrong year.")), "Checked the primary source; the number is from the wrong year."],
    );

    // The events the app would have written: staged in the old history's shape, then moved onto the
    // change feed as migration claim_history_on_change_feed does (kinds, subject columns, seq at commit).
    await client.query(`CREATE TEMP TABLE "ClaimEvent" (id text PRIMARY KEY, "claimId" text, "actorId" text, kind text, data jsonb, "createdAt" timestamp(3))`);
    const ev = (kind: string) => `'${kind}'`;
    await q(
      "events",
      `INSERT INTO "ClaimEvent" (id, "claimId", "actorId", kind, data, "createdAt")
       SELECT ${id("c", "g")} || 'e0', ${id("c", "g")}, c."createdById", ${ev("created")},
         jsonb_build_object('annotationId', ${id("h", "g")}, 'articleId', ${id("a", `(g - 1) % ${A} + 1`)}, 'statement', c.statement, 'version', 1), c."createdAt"
       FROM generate_series(1, ${N}) g JOIN "Claim" c ON c.id = ${id("c", "g")}
       UNION ALL
       SELECT ${id("c", "g")} || 'e1', ${id("c", "g")}, '${reviewerA}', ${ev("review-state")},
         jsonb_build_object('from', 'unreviewed', 'to', 'in-review', 'note', NULL, 'version', 2), c."createdAt" + interval '1 day'
       FROM generate_series(1, ${N}) g JOIN "Claim" c ON c.id = ${id("c", "g")} WHERE c."reviewState" <> 'unreviewed'
       UNION ALL
       SELECT ${id("c", "g")} || 'e2', ${id("c", "g")}, '${reviewerA}', ${ev("verdict")},
         jsonb_build_object('from', NULL, 'to', c.verdict, 'note', NULL, 'version', 3), c."createdAt" + interval '2 days'
       FROM generate_series(1, ${N}) g JOIN "Claim" c ON c.id = ${id("c", "g")} WHERE c.verdict IS NOT NULL
       UNION ALL
       SELECT ${id("c", "g")} || 'e3', ${id("c", "g")}, '${reviewerB}', ${ev("review-state")},
         jsonb_build_object('from', 'in-review', 'to', 'approved', 'note', NULL, 'version', 4), c."approvedAt"
       FROM generate_series(1, ${N}) g JOIN "Claim" c ON c.id = ${id("c", "g")} WHERE c."reviewState" = 'approved'
       UNION ALL
       SELECT ${id("c", "g")} || 'e4', ${id("c", "g")}, '${adminId}', ${ev("deleted")},
         jsonb_build_object('mentionIds', '[]'::jsonb, 'version', 2), c."deletedAt"
       FROM generate_series(1, ${N}) g JOIN "Claim" c ON c.id = ${id("c", "g")} WHERE c."deletedAt" IS NOT NULL
       UNION ALL
       SELECT ${id("c", "g + 1")} || 'm' || g, ${id("c", "g + 1")}, '${reviewerA}', ${ev("merged")},
         jsonb_build_object('from', c.id, 'fromStatement', c.statement, 'fromClaimant', c.claimant, 'fromReviewState', c."reviewState",
           'fromVerdict', c.verdict, 'fromExplanation', c."explanationText", 'mentions', 1, 'sources', 0, 'comments', 0, 'relations', 0,
           'relationsDropped', '[]'::jsonb, 'tagsAdded', '[]'::jsonb, 'version', 2), c."mergedAt"
       FROM generate_series(1, ${N}) g JOIN "Claim" c ON c.id = ${id("c", "g")} WHERE c."mergedIntoId" IS NOT NULL`,
    );
    await q(
      "mention events",
      `INSERT INTO "ClaimEvent" (id, "claimId", "actorId", kind, data, "createdAt")
       SELECT ${id("h", "h")} || 'e', ${id("c", "survivor")}, '${annotators[1]}', 'mention-added',
         jsonb_build_object('annotationId', ${id("h", "h")}, 'articleId', ${id("a", "a")}, 'exact', exact, 'version', 2),
         timestamp '2024-01-01' + (a::float8 / ${A} * 700) * interval '1 day' + k * interval '1 minute'
       FROM segpos WHERE h > ${N}`,
    );
    await q(
      "source events",
      `INSERT INTO "ClaimEvent" (id, "claimId", "actorId", kind, data, "createdAt")
       SELECT s.id || 'e', s."claimId", s."createdById", 'source-added',
         jsonb_build_object('sourceId', s.id, 'title', s.title, 'url', s.url, 'stance', s.stance, 'version', 2), s."createdAt"
       FROM "Source" s JOIN "Claim" c ON c.id = s."claimId" WHERE c."workspaceId" = '${workspaceId}'`,
    );
    await q(
      "relation events",
      `INSERT INTO "ClaimEvent" (id, "claimId", "actorId", kind, data, "createdAt")
       SELECT r.id || 'e' || side, CASE WHEN side = 1 THEN r."fromId" ELSE r."toId" END, r."createdById", 'relation-added',
         jsonb_build_object('relationId', r.id, 'type', r.type, 'direction', CASE WHEN side = 1 THEN 'outgoing' ELSE 'incoming' END,
           'otherId', CASE WHEN side = 1 THEN r."toId" ELSE r."fromId" END, 'otherStatement', o.statement, 'note', r.note, 'version', 2), r."createdAt"
       FROM "ClaimRelation" r, generate_series(1, 2) side, LATERAL (SELECT statement FROM "Claim" WHERE id = CASE WHEN side = 1 THEN r."toId" ELSE r."fromId" END) o
       WHERE r."workspaceId" = '${workspaceId}'`,
    );
    await q(
      "events onto the change feed",
      `INSERT INTO "Change" ("workspaceId", kind, "actorId", "claimId", "articleId", "subjectId", data, "createdAt", seq)
       SELECT '${workspaceId}', CASE e.kind WHEN 'commented' THEN 'comment.created' ELSE 'claim.' || e.kind END, e."actorId", e."claimId",
         CASE WHEN e.kind IN ('created', 'mention-added') THEN e.data->>'articleId' END,
         CASE WHEN e.kind IN ('created', 'mention-added') THEN e.data->>'annotationId' WHEN e.kind = 'source-added' THEN e.data->>'sourceId'
              WHEN e.kind = 'relation-added' THEN e.data->>'relationId' WHEN e.kind = 'merged' THEN e.data->>'from' END,
         e.data, e."createdAt",
         -- Triggers are off while loading (replica role): numbered here as its commit trigger would, in id order
         -- (ids are drawn in this statement's order), in the insert rather than by updating every row after it.
         coalesce((SELECT seq FROM "ChangeCounter" WHERE "workspaceId" = $1), 0) + row_number() OVER (ORDER BY e."createdAt", e.id)
       FROM "ClaimEvent" e ORDER BY e."createdAt", e.id`,
      [workspaceId],
    );
    await q(
      "change feed counter",
      `INSERT INTO "ChangeCounter" ("workspaceId", seq) SELECT $1, COALESCE(max(seq), 0) FROM "Change" WHERE "workspaceId" = $1
       ON CONFLICT ("workspaceId") DO UPDATE SET seq = EXCLUDED.seq`,
      [workspaceId],
    );
    await client.query(`DROP TABLE "ClaimEvent"; DROP TABLE seg; DROP TABLE segpos; DROP TABLE tc`);
    // The counters the Claim triggers keep in the app (they are off while loading), as their migrations backfill them.
    await q(
      "tag counts",
      `INSERT INTO "WorkspaceTag" ("workspaceId", "tag", "claimCount")
       SELECT c."workspaceId", t.tag, count(*)::int FROM "Claim" c, LATERAL (SELECT DISTINCT unnest(c.tags) AS tag) t
        WHERE c."workspaceId" = '${workspaceId}' AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL GROUP BY 1, 2`,
    );
    // Absent from databases migrated only as far as an older template's (the table came with migration workspace_claimants).
    if ((await client.query(`SELECT to_regclass('"WorkspaceClaimant"') AS t`)).rows[0].t) {
      await q(
        "claimant counts",
        `INSERT INTO "WorkspaceClaimant" ("workspaceId", "claimant", "claimCount")
         SELECT c."workspaceId", c.claimant, count(*)::int FROM "Claim" c
          WHERE c."workspaceId" = '${workspaceId}' AND c.claimant IS NOT NULL GROUP BY 1, 2`,
      );
    }
    await q(
      "claim tallies",
      `INSERT INTO "WorkspaceClaimTally" ("workspaceId", "verdict", "reviewState", "claimCount")
       SELECT c."workspaceId", coalesce(c.verdict, ''), c."reviewState", count(*)::int FROM "Claim" c
        WHERE c."workspaceId" = '${workspaceId}' AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL GROUP BY 1, 2, 3`,
    );
    // Absent from databases migrated only as far as an older template's (the table came with migration workspace_content_tally).
    if ((await client.query(`SELECT to_regclass('"WorkspaceContentTally"') AS t`)).rows[0].t) {
      await q(
        "content tally",
        `INSERT INTO "WorkspaceContentTally" ("workspaceId", "articleCount", "annotationCount")
         SELECT '${workspaceId}', (SELECT count(*) FROM "Article" WHERE "workspaceId" = '${workspaceId}')::int,
                (SELECT count(*) FROM "Annotation" WHERE "workspaceId" = '${workspaceId}' AND "workspace_content_tally_counted"("deletedAt", "claimId"))::int
         ON CONFLICT ("workspaceId") DO UPDATE SET "articleCount" = EXCLUDED."articleCount", "annotationCount" = EXCLUDED."annotationCount"`,
      );
    }
    // Statistics first: on a fresh database the planner would otherwise join highlights to claims by nested loop
    // (100 s at 20k claims).
    await client.query(`ANALYZE "Annotation", "Claim", "Article"`);
    if ((await client.query(`SELECT to_regclass('"ArticleClaimProgress"') AS t`)).rows[0].t) {
      // Statistics first: without them the planner took the freshly loaded tables for a few rows and looped over
      // every claim with a bitmap scan of the workspace's 200,000 highlights (at 100k claims: still running after 9 min; 4 s with them).
      await client.query(`ANALYZE "Claim", "Annotation", "Article"`);
      await q(
        "article progress",
        `INSERT INTO "ArticleClaimProgress" ("articleId", "claims", "withVerdict")
         SELECT a.id, coalesce(x.claims, 0), coalesce(x.with_verdict, 0) FROM "Article" a
           LEFT JOIN (SELECT n."articleId", count(DISTINCT c.id)::int AS claims, (count(DISTINCT c.id) FILTER (WHERE c.verdict IS NOT NULL))::int AS with_verdict
                        FROM "Annotation" n JOIN "Claim" c ON c.id = n."claimId" AND c."deletedAt" IS NULL AND c."mergedIntoId" IS NULL
                       WHERE n."workspaceId" = '${workspaceId}' AND n."deletedAt" IS NULL GROUP BY n."articleId") x ON x."articleId" = a.id
          WHERE a."workspaceId" = '${workspaceId}'`,
      );
    }
    await q(
      "verdict weeks",
      `INSERT INTO "WorkspaceVerdictWeek" ("workspaceId", "week", "verdict", "count")
       SELECT c."workspaceId", date_trunc('week', c."createdAt")::date, c.data->>'to', count(*)::int FROM "Change" c
        WHERE c."workspaceId" = '${workspaceId}' AND c.kind = 'claim.verdict' AND c.data->>'to' IS NOT NULL GROUP BY 1, 2, 3`,
    );

    const ti = performance.now();
    for (const ix of secondary) await client.query(ix.def);
    if (secondary.length) log(`  ${secondary.length} indexes built: ${((performance.now() - ti) / 1000).toFixed(1)} s`);

    await client.query("SET session_replication_role = DEFAULT");
    const t0 = performance.now();
    // VACUUM as well as ANALYZE: a live install's tables have been vacuumed by autovacuum, so their visibility
    // maps let index-only scans (the suggestions' postings) skip the heap, and GIN pending lists are merged. A
    // freshly loaded copy had neither, and autovacuum reaching it in the middle of a bench run changed the figures.
    await client.query("VACUUM (ANALYZE)");
    log(`  vacuum and analyze: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // A typical claim: near the middle, standing, two mentions in two articles, a source. The candidates are a
    // bounded run of ids (materialized), so the planner can't turn the per-claim checks into scans of whole tables.
    const typical = await client.query<{ id: string; claimant: string | null; tag: string | null }>(
      `WITH candidates AS MATERIALIZED (
         SELECT id, claimant, tags FROM "Claim"
          WHERE id >= $1 AND id LIKE $2 AND "deletedAt" IS NULL AND "mergedIntoId" IS NULL AND claimant IS NOT NULL AND cardinality(tags) > 0
          ORDER BY id LIMIT 500)
       SELECT c.id, c.claimant, c.tags[1] AS tag FROM candidates c
        CROSS JOIN LATERAL (SELECT count(*) AS n, count(DISTINCT "articleId") AS articles FROM "Annotation" WHERE "claimId" = c.id) m
        WHERE m.n = 2 AND m.articles = 2
          AND EXISTS (SELECT 1 FROM "Source" s WHERE s."claimId" = c.id)
          AND NOT EXISTS (SELECT 1 FROM "Claim" x WHERE x."mergedIntoId" = c.id)
        ORDER BY c.id LIMIT 1`,
      [claimId(Math.floor(N / 2)), `${tag}c%`],
    );
    const t = typical.rows[0];
    return {
      workspaceId,
      slug,
      admin: { id: adminId, email: `${adminId}@bench.test`, name: "Ada Admin", password: DATASET_PASSWORD, sessionId, apiToken },
      reviewerId: reviewerA,
      claims: N,
      articles: A,
      highlights: 2 * N,
      hotClaimIds: Array.from({ length: H }, (_, i) => claimId(i + 1)),
      typicalClaimId: t.id,
      mergedClaimId: claimId(N >= 1045 ? 1041 : 21),
      chainSurvivorId: claimId(N >= 1045 ? 1045 : 22),
      deletedClaimId: claimId(99),
      articleId: `${tag}a${pad(Math.max(1, Math.floor(A / 2)))}`,
      sample: { claimant: t.claimant!.split(" ").at(-1)!, tag: t.tag!, statementWord: "inflation" },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}
