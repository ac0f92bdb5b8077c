/**
 * A scale dataset generated once and copied for every later run: generating
 * 100k claims takes tens of minutes on a busy machine (the claims' search
 * documents), copying the database (CREATE DATABASE … TEMPLATE) a minute.
 * The workspace's handles are kept in the template database's comment; a
 * template without them (an interrupted generation) is made again.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "../../lib/db/test-database";
import { migrate } from "../../lib/db/migrate";
import { generateWorkspace, type GeneratedWorkspace } from "./dataset";

function dbUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export type StoredTemplate = { claims: number; seed?: number; ws: GeneratedWorkspace };

/** What a template database's comment holds (null when it has none: not made, or interrupted), read over `client`. */
export async function storedTemplate(client: pg.Client, template: string): Promise<{ exists: boolean; stored: StoredTemplate | null }> {
  const found = await client.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [template]);
  return { exists: Boolean(found.rowCount), stored: found.rows[0]?.comment ? (JSON.parse(found.rows[0].comment) as StoredTemplate) : null };
}

/** The workspace handles of an existing template database (for profilers run against a copy of it). */
export async function templateHandles(server: string, template: string): Promise<GeneratedWorkspace> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const { stored } = await storedTemplate(client, template);
    if (!stored) throw new Error(`${template}: no workspace handles in its comment`);
    return stored.ws;
  } finally {
    await client.end();
  }
}

/**
 * The template database `template` holding a generated workspace of `claims` claims, generated
 * now when it doesn't exist yet (`generated`), with the workspace's handles from its comment.
 */
export async function templateDatabase(
  server: string,
  opts: { claims: number; seed: number; template: string; log?: (line: string) => void },
): Promise<{ stored: StoredTemplate; generated: boolean }> {
  const { claims, seed, template, log } = opts;
  if (!/^[a-z0-9_-]+$/.test(template)) throw new Error(`template database ${template}: a name of a-z, 0-9, - and _`);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const found = await storedTemplate(admin, template);
    let stored = found.stored;
    if (stored && stored.claims !== claims) throw new Error(`${template} holds ${stored.claims} claims, not ${claims}`);
    if (stored) return { stored, generated: false };
    if (found.exists) await admin.query(`DROP DATABASE "${template}" WITH (FORCE)`); // half-made by an interrupted run
    await admin.query(`CREATE DATABASE "${template}"`);
    await migrate(dbUrl(server, template));
    const ws = await generateWorkspace(dbUrl(server, template), { claims, seed, log });
    stored = { claims, seed, ws };
    await admin.query(`COMMENT ON DATABASE "${template}" IS '${JSON.stringify(stored).replace(/'/g, "''")}'`);
    return { stored, generated: true };
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database holding a generated workspace of `claims` claims on `server`: generated
 * into it, or, with `template` (a database name), copied from that template, which is
 * generated first when it doesn't exist yet. `generated` says whether this run generated it.
 */
export async function datasetDatabase(
  server: string,
  opts: { claims: number; seed: number; template?: string; log?: (line: string) => void },
): Promise<{ database: TestDatabase; ws: GeneratedWorkspace; generated: boolean }> {
  const { claims, seed, template, log } = opts;
  if (!template) {
    const database = await createTestDatabase(server);
    return { database, ws: await generateWorkspace(database.url, { claims, seed, log }), generated: true };
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const { stored, generated } = await templateDatabase(server, { claims, seed, template, log });
    const name = `${template}_run_${Date.now()}`;
    const t0 = performance.now();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.query(`COMMENT ON DATABASE "${name}" IS NULL`);
    await migrate(dbUrl(server, name)); // migrations added since the template was made
    log?.(`copied ${template} to ${name} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return {
      database: {
        url: dbUrl(server, name),
        async drop() {
          const c = new pg.Client({ connectionString: server });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await c.end();
        },
      },
      ws: stored.ws,
      generated,
    };
  } finally {
    await admin.end();
  }
}
