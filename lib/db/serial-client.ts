import pg from "pg";

/**
 * A node-postgres client that runs its queries one after another itself.
 *
 * Prisma's query interpreter reads the relations of an `include` with
 * Promise.all; inside an interactive transaction all those reads go to the
 * transaction's single connection, so node-postgres gets a query while another
 * is still running. pg 8.19+ warns that this is deprecated, and pg 9 refuses
 * it (prisma/orm#29646, fix pending in prisma/orm#29979). pg asks for "an
 * external async flow control mechanism": this is one. The order of the
 * queries is the order of the calls, exactly what pg's own queue did, so
 * nothing changes but that each query is handed over only after the previous
 * one has finished. Outside transactions the pool gives each query its own
 * connection, so nothing waits there.
 */
export class SerialClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mirrors pg's untyped overloads
  override query(config: any, values?: any, callback?: any): any {
    // The connection that runs this statement names itself under its token (transaction-connection.ts).
    if (config?.text === CLAIM_SQL && Array.isArray(config.values)) claimed.set(String(config.values[0]), this);
    // Callback and submittable (e.g. COPY stream) forms are used by pg itself and other libraries; leave them be.
    if (typeof values === "function" || typeof callback === "function" || typeof config?.submit === "function") {
      return super.query(config, values, callback);
    }
    const run = () => super.query(config, values) as Promise<pg.QueryResult>;
    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * A statement that does nothing but tell which connection ran it: given through Prisma in an interactive
 * transaction, it reaches the transaction's own connection, which keeps itself under the statement's one
 * parameter for `claimConnection` to take (lib/db/transaction-connection.ts).
 */
export const CLAIM_SQL = "SELECT $1::text AS claimtrail_connection";
// On globalThis: Next.js bundles this module into each route's code, while the one Prisma client (and so the
// SerialClient class its connections are made of) is shared through globalThis (client.ts).
const claimed: Map<string, SerialClient> = ((globalThis as unknown as { claimtrailClaimed?: Map<string, SerialClient> }).claimtrailClaimed ??= new Map());

/** The connection that ran CLAIM_SQL with `token`, once. */
export function claimConnection(token: string): SerialClient | null {
  const c = claimed.get(token) ?? null;
  claimed.delete(token);
  return c;
}
