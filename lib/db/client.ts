import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { SerialClient } from "./serial-client";

export type { Prisma } from "./generated/client";
export type { Role } from "./generated/enums";

function createClient(): PrismaClient {
  // SerialClient: Prisma sends a transaction's include reads concurrently; pg 9 refuses that (see serial-client.ts).
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 10, Client: SerialClient });
  return new PrismaClient({ adapter });
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
