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
