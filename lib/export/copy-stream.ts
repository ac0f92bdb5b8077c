import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Prisma } from "@/lib/db/generated/client";
import { isEmbeddedUrl } from "@/lib/db/embedded-url";

/**
 * Streaming an export's text straight out of PostgreSQL: a query whose rows
 * are each one text value, the output record already written in SQL (line
 * end included), run as `COPY (…) TO STDOUT (FORMAT binary)`, whose framing
 * (a length before each value) is stripped here and the values' bytes passed
 * on as they are. No row objects, no strings in Node: the memory held is the
 * socket's chunks, and PostgreSQL waits while the client reads slowly
 * (pg-copy-streams pauses the socket when the consumer stops pulling).
 *
 * COPY takes no bind parameters, so the query's values are written into it as
 * literals (`inlineSql`); they are the export's filters, already validated.
 */

/** A value as an SQL literal; strings in E'' form with quotes and backslashes doubled (no NUL: filters refuse it). */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (v instanceof Date) return sqlLiteral(v.toISOString());
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`Not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") {
    if (v.includes("\u0000")) throw new Error("Text with NUL can't be an SQL literal");
    return `E'${v.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
  }
  if (Array.isArray(v)) return `(ARRAY[${v.map(sqlLiteral).join(",")}]::text[])`;
  throw new Error(`No SQL literal for ${typeof v}`);
}

/** Prisma.sql's text with each $n replaced by its value as a literal. */
export function inlineSql(sql: Prisma.Sql): string {
  return sql.text.replace(/\$(\d+)/g, (_, n: string) => sqlLiteral(sql.values[Number(n) - 1]));
}

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * The binary COPY stream's framing, parsed across chunk boundaries: header
 * (signature, flags, extension), then per tuple a 16-bit field count and each
 * field's 32-bit length and bytes (-1: NULL), then -1. `tuples()` gives each
 * network chunk's whole tuples, their fields as views into it (NULL as null);
 * `push()` the chunk's values joined into one Buffer. Both read the tuples
 * `whole()` has framed, so only they differ: what they make of a field.
 */
export class BinaryCopyValues {
  private rest: Buffer = Buffer.alloc(0);
  private headerDone = false;
  /** Rows seen so far. */
  rows = 0;
  ended = false;

  /** Where the tuples start in `buf` (past the header the first time), or null while the header isn't whole. */
  private start(buf: Buffer): number | null {
    if (this.headerDone) return 0;
    if (buf.length < 19) return null;
    if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("Not a binary COPY stream");
    this.headerDone = true;
    return 19 + buf.readInt32BE(15);
  }

  /**
   * The chunk joined to the unfinished tail before it, and where its whole tuples lie in that ([from, to):
   * each one complete, so readers need no bounds checks); null while the header isn't whole. Keeps the
   * new unfinished tail, counts the rows, and notes the end.
   */
  private whole(chunk: Buffer): { buf: Buffer; from: number; to: number } | null {
    const buf = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const from = this.start(buf);
    if (from === null) {
      this.rest = buf;
      return null;
    }
    const size = buf.length;
    let at = from;
    let to = from;
    while (at + 2 <= size) {
      const fields = buf.readInt16BE(at);
      if (fields === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      // A whole tuple must be here before any of it is taken.
      let end = at + 2;
      for (let f = 0; f < fields && end <= size; f++) {
        if (end + 4 > size) {
          end = size + 1;
          break;
        }
        const len = buf.readInt32BE(end);
        end += 4 + (len > 0 ? len : 0);
      }
      if (end > size) break;
      this.rows += 1;
      at = to = end;
    }
    // The unfinished tail is copied: `buf` may be the network chunk, which then need not be kept.
    this.rest = at < size ? Buffer.from(buf.subarray(at)) : Buffer.alloc(0);
    return { buf, from, to };
  }

  /** The whole tuples the chunk completes. */
  tuples(chunk: Buffer): (Buffer | null)[][] {
    const out: (Buffer | null)[][] = [];
    const framed = this.whole(chunk);
    if (!framed) return out;
    const { buf, from, to } = framed;
    for (let p = from; p < to; ) {
      const fields = buf.readInt16BE(p);
      p += 2;
      const tuple: (Buffer | null)[] = [];
      for (let f = 0; f < fields; f++) {
        const len = buf.readInt32BE(p);
        p += 4;
        tuple.push(len < 0 ? null : buf.subarray(p, p + len));
        if (len > 0) p += len;
      }
      out.push(tuple);
    }
    return out;
  }

  /**
   * The values of the whole tuples the chunk completes, their bytes one after another in one new
   * Buffer (null if none): what copyValues streams. No object per row or field: a row costs a few
   * integer reads and one native copy, where a view per field and a join per chunk had made the
   * app server's CPU per export about equal to PostgreSQL's writing the text.
   */
  push(chunk: Buffer): Buffer | null {
    const framed = this.whole(chunk);
    if (!framed) return null;
    const { buf, from, to } = framed;
    const out = Buffer.allocUnsafe(to - from); // the values are never longer than the tuples holding them
    let used = 0;
    for (let p = from; p < to; ) {
      const fields = buf.readInt16BE(p);
      p += 2;
      for (let f = 0; f < fields; f++) {
        const len = buf.readInt32BE(p);
        p += 4;
        if (len > 0) {
          used += buf.copy(out, used, p, p + len);
          p += len;
        }
      }
    }
    return used ? out.subarray(0, used) : null;
  }
}

export interface CopyOptions {
  /**
   * Rows in the query's ORDER BY straight from an index, never sorted whole first (`enable_sort`
   * off for the stream's session; the index must exist), so the first row goes out at once and the
   * rest stream as they are made: for queries that read each row's details claim by claim.
   */
  inIndexOrder?: boolean;
  /**
   * work_mem for the stream's session, for a query that sorts and aggregates a whole set: at PostgreSQL's
   * default (4 MB) the CSV of 100k claims wrote ~90 MB of temporary files. Each sort or hash of the query may
   * take this much, on each connection.
   */
  workMemMb?: number;
  /**
   * Aborted when nobody reads the stream any more (the download's client went away): the query is cancelled
   * on the server at once. Without it, the stream stopped only once its pending chunk came, which for a query
   * that aggregates a whole part first is when the aggregate is done.
   */
  signal?: AbortSignal;
  /**
   * A connection already open (snapshotConnections: in a transaction reading a snapshot shared with others),
   * which the stream runs on instead of opening its own. Its owner closes it; the stream does only when stopped
   * mid-way, since a connection left in COPY mode is no use to anyone.
   */
  connection?: pg.Client;
}

/**
 * The export streams' connections, kept open between exports. A fresh backend ran an export's first big query
 * about a quarter slower than one that had run it before (the CSV of half of 100k claims: ~1.2 s against ~0.95 s
 * in psql, the same COPY in one session and in new ones): its memory for sorts and hashes is set up anew each time.
 * Bursts (five exports at once, each in parts) open more, which close after a minute idle; the cap is far above
 * any burst, so parts that wait for each other never wait for a connection.
 */
const globalForCopy = globalThis as unknown as { claimtrailCopyPool?: { url: string | undefined; pool: pg.Pool } };
/** Connections in a transaction of snapshotConnections', to end before they go back. */
const inTransaction = new WeakSet<pg.Client>();

function copyPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  const kept = globalForCopy.claimtrailCopyPool;
  if (kept && kept.url === url) return kept.pool;
  // A script or test that pointed DATABASE_URL elsewhere: the old database's connections go.
  kept?.pool.end().catch(() => undefined);
  // allowExitOnIdle: a script that exported is not kept running by idle connections.
  const pool = new pg.Pool({ connectionString: url, max: 64, idleTimeoutMillis: 60_000, allowExitOnIdle: true });
  // An idle connection the server closed (a restart, an administrator) is dropped by the pool; unheard, its error would end the process.
  pool.on("error", (err) => console.warn("An idle export connection failed:", err.message));
  globalForCopy.claimtrailCopyPool = { url, pool };
  return pool;
}

/** A connection of the pool, set up as `opts` says (every setting given, whatever its last use set). */
async function connect(opts: CopyOptions): Promise<pg.PoolClient> {
  const client = await copyPool().connect();
  try {
    // Prisma stores `timestamp(3)` as UTC; COPY runs with the session in UTC so to_char and casts agree.
    // JIT compiling an export's query took longer (~0.5 s) than running it; parallel workers each
    // built the same aggregates again (three times the work on a busy machine): both off for this session.
    await client.query(
      `SET TIME ZONE 'UTC'; SET jit = off; SET max_parallel_workers_per_gather = 0; SET enable_sort = ${opts.inIndexOrder ? "off" : "on"}; ${opts.workMemMb ? `SET work_mem = '${Math.floor(opts.workMemMb)}MB'` : "RESET work_mem"}`,
    );
    return client;
  } catch (err) {
    client.release(err instanceof Error ? err : true);
    throw err;
  }
}

/**
 * Gives a connection back to the pool once its transaction (if any) is over; one that was closed (stopped
 * mid-stream) or fails to end its transaction is dropped instead.
 */
async function giveBack(client: pg.Client): Promise<void> {
  const pooled = client as pg.PoolClient;
  try {
    if (inTransaction.has(client)) await client.query("ROLLBACK");
    inTransaction.delete(client);
    pooled.release();
  } catch (err) {
    pooled.release(err instanceof Error ? err : true);
  }
}

/**
 * The values of `sql`'s rows (one text column each), in order, as byte
 * chunks of whole rows. A connection of the pool for the stream's life; given
 * back when the stream ends or fails, closed if the consumer stops early.
 */
export async function* copyValues(sql: Prisma.Sql, opts: CopyOptions = {}): AsyncGenerator<Buffer> {
  const parser = new BinaryCopyValues();
  for await (const chunk of copyChunks(sql, opts)) {
    const values = parser.push(chunk);
    if (values) yield values;
  }
}

/**
 * The rows of `sql` (text columns), in order, a network chunk's whole rows
 * at a time, each field a view of the chunk's bytes (NULL as null): use or
 * copy them before asking for the next. A connection of the pool, as for copyValues.
 */
export async function* copyTuples(sql: Prisma.Sql, opts: CopyOptions = {}): AsyncGenerator<(Buffer | null)[][]> {
  const parser = new BinaryCopyValues();
  for await (const chunk of copyChunks(sql, opts)) {
    const tuples = parser.tuples(chunk);
    if (tuples.length) yield tuples;
  }
}

/**
 * Cancels the query running on `client`'s connection (as psql's Ctrl-C does), from a connection of its own.
 * Not on the embedded database: PGlite is one backend behind every connection, so its pid names them all.
 */
async function cancelQuery(client: pg.Client): Promise<void> {
  const pid = (client as pg.Client & { processID?: number }).processID;
  if (!pid || isEmbeddedUrl(process.env.DATABASE_URL)) return;
  const canceller = new pg.Client({ connectionString: process.env.DATABASE_URL });
  try {
    await canceller.connect();
    await canceller.query("SELECT pg_cancel_backend($1)", [pid]);
  } catch {
    // The connection is closed below either way; PostgreSQL then stops at its next write to it.
  } finally {
    await canceller.end().catch(() => undefined);
  }
}

/** The binary COPY stream of `sql`'s rows as it comes off the network, on a pooled connection for the stream's life (or on `opts.connection`). */
async function* copyChunks(sql: Prisma.Sql, opts: CopyOptions): AsyncGenerator<Buffer> {
  opts.signal?.throwIfAborted();
  const client = opts.connection ?? (await connect(opts));
  let ok = false;
  let cancelling: Promise<void> | null = null;
  const cancel = () => void (cancelling = cancelQuery(client));
  opts.signal?.addEventListener("abort", cancel, { once: true });
  try {
    // Aborted while connecting: the listener came too late to hear it.
    opts.signal?.throwIfAborted();
    const stream = client.query(copyTo(`COPY (${inlineSql(sql)}) TO STDOUT (FORMAT binary)`));
    yield* stream as AsyncIterable<Buffer>;
    ok = true;
  } finally {
    opts.signal?.removeEventListener("abort", cancel);
    await cancelling;
    // Stopped mid-stream: the connection is in COPY mode, whoever's it is; ending it is the clean way out (the pool drops it when given back).
    if (!ok) client.end().catch(() => undefined);
    if (!opts.connection) await giveBack(client);
  }
}

/**
 * `n` connections (set up as `opts` says) reading one snapshot of the database: the first opens a read-only
 * REPEATABLE READ transaction and exports its snapshot (`pg_export_snapshot`), the others start theirs from it,
 * all before any query runs (the first's transaction must be open while they import). Queries run on them, at once
 * or one after another, see the same committed data, as one query would: a change committed meanwhile shows in
 * none of them. Run streams on them (`CopyOptions.connection`) and give them back when done (`closeAll`).
 *
 * On the embedded database, `n` plain connections: PGlite is one backend behind every connection, so a
 * transaction opened on one would hold every other connection's statements too (writes refused as read-only).
 */
export async function snapshotConnections(n: number, opts: Omit<CopyOptions, "connection" | "signal"> = {}): Promise<pg.Client[]> {
  const clients: pg.Client[] = [];
  try {
    for (let i = 0; i < n; i++) clients.push(await connect(opts));
    if (isEmbeddedUrl(process.env.DATABASE_URL)) return clients;
    const [lead, ...rest] = clients;
    for (const c of clients) inTransaction.add(c);
    await lead.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await lead.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
    const id = rows[0].id;
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`Unexpected snapshot id ${JSON.stringify(id)}`);
    await Promise.all(rest.map((c) => c.query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${id}'`)));
    return clients;
  } catch (err) {
    await closeAll(clients);
    throw err;
  }
}

/** Gives connections back (their transactions ended), whatever state their streams left them in: one stopped mid-stream was closed and is dropped. */
export async function closeAll(clients: pg.Client[]): Promise<void> {
  await Promise.all(clients.map(giveBack));
}

/**
 * Streams started at once and read one after the other: each one's query runs while the ones before it are
 * read (a stream not being read holds a socket's worth of rows, PostgreSQL waiting on it). Stopped early, every
 * stream is stopped (its connection closed).
 */
export async function* concatStarted<T>(streams: AsyncGenerator<T>[]): AsyncGenerator<T> {
  const firsts = streams.map((s) => s.next());
  // A later stream's failure is thrown when its turn comes (or not at all, if reading stops before).
  for (const f of firsts) f.catch(() => undefined);
  try {
    for (let i = 0; i < streams.length; i++) {
      for (let r = await firsts[i]; !r.done; r = await streams[i].next()) yield r.value;
    }
  } finally {
    await Promise.allSettled(streams.map((s) => s.return(undefined)));
  }
}
