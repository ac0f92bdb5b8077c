/**
 * What the triggers on Claim cost a multi-row insert (issue 11):
 *   DATABASE_URL=… npx tsx bench/claim-triggers-profile.ts [claims per run, default 5000]
 *
 * In a database of its own (PROFILE_DB, default "set-triggers_profile", made
 * afresh and migrated), inserts the suggestions bench's generated claims
 * (insertDistractors, one INSERT … SELECT) once with every trigger on, once
 * with each of Claim's triggers disabled in turn and once with all of them
 * off; then, with track_functions = all, lists the functions that took the
 * time. Each run inserts the same statements (same seed) into a new workspace.
 * Not part of `npm run bench`: a tool for finding where insert time goes.
 *
 * PROFILE_ONLY_ALL=1: only the run with every trigger on (generation speed at a
 * scale: 10000, 100000, …). PROFILE_BEFORE=<migration name>: the database as it
 * was before that migration (e.g. search_document_plpgsql), to compare.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { migrate } from "../lib/db/migrate";

const N = Number(process.argv[2] ?? 5000);
const NAME = process.env.PROFILE_DB ?? "set-triggers_profile";

/** The migrations folder, or a copy of it without `name` and those after it. */
async function migrationsBefore(name: string | undefined): Promise<string> {
  const all = path.resolve("prisma", "migrations");
  if (!name) return all;
  const dir = await mkdtemp(path.join(os.tmpdir(), "claimtrail-profile-"));
  await cp(all, dir, { recursive: true });
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const at = names.findIndex((n) => n.endsWith(`_${name}`));
  if (at < 0) throw new Error(`no migration named ${name}`);
  for (const later of names.slice(at)) await rm(path.join(dir, later), { recursive: true });
  return dir;
}

async function main() {
  const url = new URL(process.env.DATABASE_URL!);
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${NAME}"`);
  await admin.query(`ALTER DATABASE "${NAME}" SET track_functions = 'all'`);
  await admin.end();
  url.pathname = `/${NAME}`;
  await migrate(url.toString(), { migrationsDir: await migrationsBefore(process.env.PROFILE_BEFORE) });
  process.env.DATABASE_URL = url.toString();
  // After DATABASE_URL names the profile database: the bench's generator writes through the app's client.
  const { insertDistractors, generatorLists, corpusWords } = await import("./suggestions.bench");
  const { db } = await import("../lib/db/client");
  const lists = generatorLists(corpusWords());
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  const triggers = (
    await c.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE tgrelid = '"Claim"'::regclass AND NOT tgisinternal ORDER BY 1`)
  ).rows.map((r) => r.tgname);

  let run = 0;
  const timed = async (label: string, disabled: string[]) => {
    run += 1;
    const ws = `prof-ws-${run}`;
    await c.query(`INSERT INTO "Workspace" (id, slug, name) VALUES ($1, $1, $1)`, [ws]);
    for (const t of disabled) await c.query(`ALTER TABLE "Claim" DISABLE TRIGGER "${t}"`);
    const t0 = performance.now();
    // run × 1,000,000 keeps ids apart and the seed ((from % 1000) / 1000) the same: the same claims every run.
    await insertDistractors(ws, run * 1_000_000, N, lists);
    const s = (performance.now() - t0) / 1000;
    for (const t of disabled) await c.query(`ALTER TABLE "Claim" ENABLE TRIGGER "${t}"`);
    console.log(`${label.padEnd(40)} ${s.toFixed(1).padStart(7)} s  ${(N / s).toFixed(0).padStart(6)} claims/s  load ${os.loadavg()[0].toFixed(1)}`);
    return s;
  };

  console.log(`${N} claims per run`);
  await c.query(`SELECT pg_stat_reset()`);
  await timed("all triggers on", []);
  if (process.env.PROFILE_ONLY_ALL === "1") {
    await c.end();
    await db.$disconnect();
    return;
  }
  await c.query(`SELECT pg_stat_force_next_flush()`);
  await new Promise((r) => setTimeout(r, 1500)); // the other backends' function statistics reach the shared view
  const fns = await c.query<{ funcname: string; calls: string; total: number; self: number }>(
    `SELECT funcname, calls, total_time AS total, self_time AS self FROM pg_stat_user_functions ORDER BY self_time DESC LIMIT 25`,
  );
  console.log("functions (ms, that run):");
  for (const f of fns.rows) console.log(`  ${f.funcname.padEnd(40)} calls ${String(f.calls).padStart(8)}  total ${f.total.toFixed(0).padStart(8)}  self ${f.self.toFixed(0).padStart(8)}`);
  for (const t of triggers) await timed(`without ${t}`, [t]);
  await timed("all Claim triggers off", triggers);
  await timed("all triggers on (again)", []);
  await c.end();
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
