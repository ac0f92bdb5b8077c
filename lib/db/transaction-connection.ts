import { randomUUID } from "node:crypto";
import type { Prisma } from "./generated/client";
import { CLAIM_SQL, claimConnection, type SerialClient } from "./serial-client";

const connections = new WeakMap<object, SerialClient | null>();

/**
 * The node-postgres connection an interactive Prisma transaction runs on, to send it large statements
 * directly; null where it can't be had (a client not made by lib/db/client.ts, or not a transaction's),
 * and the caller goes through Prisma as before. Only while the transaction runs: after it, the
 * connection is the pool's again.
 *
 * Why: Prisma passes a raw statement's parameters through JSON (stringified, then parsed back) before
 * node-postgres sees them. For a bundle import's rows, articles' texts and documents above all, those
 * copies were most of what the import allocated: 1.1 GB of long strings, promoted to V8's old generation
 * while each statement ran, in the 15 s of writing a 100k-claim bundle's articles, which took the server
 * from 180 to 275 MB of heap (bench/results/import-peak-2026-12-04-session36.md).
 *
 * The statement runs on the transaction's connection, so it is part of the transaction; Prisma isn't
 * running anything on it meanwhile, as the caller awaits each statement before its next Prisma call
 * (and SerialClient queues whatever comes). Found by sending a marker statement through the
 * transaction (serial-client.ts), once per transaction.
 */
export async function transactionConnection(tx: Prisma.TransactionClient): Promise<SerialClient | null> {
  // The client itself, not a transaction's: its marker would name whichever pooled connection ran it, which the pool
  // may hand to another request's transaction next. A transaction's client has no $disconnect (Prisma's deny list).
  if (typeof (tx as { $disconnect?: unknown }).$disconnect === "function") return null;
  if (connections.has(tx)) return connections.get(tx)!;
  const token = randomUUID();
  await tx.$queryRawUnsafe(CLAIM_SQL, token);
  const conn = claimConnection(token);
  connections.set(tx, conn);
  return conn;
}
