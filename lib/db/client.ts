import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { isEmbeddedUrl } from "./embedded-url";
import { SerialClient } from "./serial-client";

export type { Prisma } from "./generated/client";
export type { Role } from "./generated/enums";

/**
 * A raw statement whose text starts with this comment runs as a named prepared
 * statement (named by a hash of its text), so each connection parses and plans
 * it a few times and then reuses a generic plan. For a large query run on every
 * keystroke with only its parameters changing (the claim suggestions: its
 * planning was about a quarter of its database CPU). Only for statements whose
 * text is the same for every call and whose plan suits every parameter.
 */
export const PREPARED = "/* prepared */";

/**
 * Unmarked statements get "" (pg: unnamed, parsed and planned each time, as before). So do all on the
 * embedded database: PGlite serves every connection from its one session, so a name prepared on one
 * connection is "already exists" on the next.
 */
export function statementName(sql: string, url = process.env.DATABASE_URL): string {
  return sql.startsWith(PREPARED) && !isEmbeddedUrl(url) ? `ct_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}` : "";
}

function createClient(): PrismaClient {
  // SerialClient: Prisma sends a transaction's include reads concurrently; pg 9 refuses that (see serial-client.ts).
  const adapter = new PrismaPg(
    { connectionString: process.env.DATABASE_URL, max: 10, Client: SerialClient },
    { statementNameGenerator: (query) => statementName(query.sql) },
  );
  // Prisma's default interactive-transaction timeout (5 s) rolled back ordinary writes on a loaded
  // 2-core server (a first claim on a cold connection plans every search trigger); 15 s still ends a
  // stuck one. Use cases that do more (imports, article edits) pass their own.
  return new PrismaClient({ adapter, transactionOptions: { timeout: 15_000, maxWait: 5_000 } });
}

// Dev hot-reload re-imports modules; keeping the client on globalThis avoids a new pool per reload.
const globalForDb = globalThis as unknown as { claimtrailDb?: PrismaClient };

function client(): PrismaClient {
  return (globalForDb.claimtrailDb ??= createClient());
}

/**
 * The one Prisma client. Created on first use, not at import, because the CLI
 * and tests settle DATABASE_URL (e.g. start the embedded server) after importing.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});
