import { randomUUID } from "node:crypto";
import pg from "pg";
import { latestSeq, readChanges } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { enrich } from "./enrich";
import type { LiveChange } from "./live-change";

/**
 * One per app instance: the live side of the change feed.
 *
 * The instance holds ONE dedicated connection doing `LISTEN claimtrail_changes`
 * (the feed's commit trigger notifies `<workspaceId>:<seq>`). On a
 * notification it reads the workspace's feed once, after the last seq it has
 * read, and fans the changes out to its own open streams. Where NOTIFY doesn't
 * cross connections (the embedded PGlite; found out by a probe at start), a
 * light poll of the workspaces' counters in one query takes its place; with a
 * working LISTEN the poll still runs, slowly, as a safety net for a dropped
 * connection. Nothing here is shared between instances: each one reads the
 * feed, which lives in PostgreSQL, by sequence; the memory held is only this
 * instance's open streams and a short tail of recent changes for resuming.
 */

export interface LiveSubscriber {
  /** Should this subscriber get the change (scope and permission)? */
  accept(change: LiveChange): boolean;
  /** Changes in seq order, each at most once. */
  deliver(changes: LiveChange[], cursor: number): void;
  /** The subscriber is too far behind to catch up from the feed's tail: it must reload. */
  reset?(cursor: number): void;
}

interface Listener {
  sub: LiveSubscriber;
  /** The last seq this subscriber has been brought up to (delivered or filtered out). */
  cursor: number;
}

interface Feed {
  /** The last seq this instance has read from the feed. */
  seq: number;
  listeners: Set<Listener>;
  /** The latest changes read, for resuming subscribers without a query. */
  tail: LiveChange[];
  /** Reads of one workspace run one after another. */
  chain: Promise<void>;
  /** A read was asked for while one ran. */
  dirty: boolean;
  /** Subscribes under way (the feed must not be dropped under them). */
  joining: number;
}

export interface HubOptions {
  connectionString?: string;
  /** Poll interval when NOTIFY reaches this instance (safety net) and when it doesn't. */
  slowPollMs?: number;
  fastPollMs?: number;
  /** Off: never LISTEN, poll only (tests of the fallback). */
  listen?: boolean;
}

const TAIL = 1000;
const PAGE = 500;
/** A resume further back than this sends `reset` (reload the page) instead of replaying. */
export const MAX_CATCH_UP = 5000;

export class LiveHub {
  private feeds = new Map<string, Feed>();
  private client: pg.Client | null = null;
  private listening = false;
  /** NOTIFY sent on another connection arrived on ours. */
  notifyWorks = false;
  private poller: NodeJS.Timeout | null = null;
  private closed = false;
  private starting: Promise<void> | null = null;
  private readonly probeId = randomUUID();

  constructor(private readonly opts: HubOptions = {}) {}

  /** Follows `workspaceId` from `after` (the last seq the subscriber has; undefined: from now). */
  async subscribe(workspaceId: string, after: number | undefined, sub: LiveSubscriber): Promise<{ stop: () => void; cursor: number }> {
    await this.start();
    const feed = await this.feed(workspaceId);
    const listener: Listener = { sub, cursor: after ?? -1 };
    feed.joining++;
    try {
      await this.serial(workspaceId, feed, async () => {
        if (listener.cursor < 0) listener.cursor = feed.seq;
        else if (listener.cursor > feed.seq && listener.cursor > (await latestSeq(workspaceId))) {
          // Resuming from past the feed's head (a corrupted id, a restored database): the client's
          // picture can't be trusted, so it must reload rather than silently skip to here.
          listener.cursor = feed.seq;
          listener.sub.reset?.(feed.seq);
        }
        if (listener.cursor < feed.seq) await this.catchUp(workspaceId, feed, listener);
        feed.listeners.add(listener);
      });
    } finally {
      feed.joining--;
    }
    const stop = () => {
      feed.listeners.delete(listener);
      if (feed.listeners.size === 0 && feed.joining === 0 && this.feeds.get(workspaceId) === feed) this.feeds.delete(workspaceId);
    };
    return { stop, cursor: listener.cursor };
  }

  /** Streams open on this instance (tests, diagnostics). */
  get openStreams(): number {
    let n = 0;
    for (const f of this.feeds.values()) n += f.listeners.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poller) clearTimeout(this.poller);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async feed(workspaceId: string): Promise<Feed> {
    let feed = this.feeds.get(workspaceId);
    if (!feed) {
      const seq = await latestSeq(workspaceId);
      feed = this.feeds.get(workspaceId);
      if (!feed) {
        feed = { seq, listeners: new Set(), tail: [], chain: Promise.resolve(), dirty: false, joining: 0 };
        this.feeds.set(workspaceId, feed);
      }
    }
    return feed;
  }

  private serial(workspaceId: string, feed: Feed, work: () => Promise<void>): Promise<void> {
    const run = feed.chain.then(work);
    feed.chain = run.catch((err) => console.error(`live ${workspaceId}:`, err instanceof Error ? err.message : err));
    return run;
  }

  /** Brings a new listener from its cursor up to the feed's seq: from the tail when it reaches, else from the feed. */
  private async catchUp(workspaceId: string, feed: Feed, listener: Listener): Promise<void> {
    if (feed.seq - listener.cursor > MAX_CATCH_UP) {
      listener.cursor = feed.seq;
      listener.sub.reset?.(feed.seq);
      return;
    }
    let missed: LiveChange[];
    if (feed.tail.length && feed.tail[0].seq <= listener.cursor + 1) {
      missed = feed.tail.filter((c) => c.seq > listener.cursor);
    } else {
      missed = [];
      let from = listener.cursor;
      while (from < feed.seq) {
        const page = (await readChanges(workspaceId, from, PAGE)).filter((c) => c.seq <= feed.seq);
        if (!page.length) break;
        missed.push(...(await enrich(page)));
        from = page[page.length - 1].seq;
      }
    }
    listener.cursor = feed.seq;
    const wanted = missed.filter((c) => listener.sub.accept(c));
    if (wanted.length) listener.sub.deliver(wanted, feed.seq);
  }

  /** Reads what is new in the workspace's feed, once, and hands it to every listener here. */
  pump(workspaceId: string): Promise<void> {
    const feed = this.feeds.get(workspaceId);
    if (!feed) return Promise.resolve();
    if (feed.dirty) return feed.chain;
    feed.dirty = true;
    return this.serial(workspaceId, feed, async () => {
      feed.dirty = false;
      for (;;) {
        const page = await readChanges(workspaceId, feed.seq, PAGE);
        if (!page.length) return;
        const changes = await enrich(page);
        feed.seq = changes[changes.length - 1].seq;
        feed.tail.push(...changes);
        if (feed.tail.length > TAIL) feed.tail.splice(0, feed.tail.length - TAIL);
        for (const l of feed.listeners) {
          const wanted = changes.filter((c) => c.seq > l.cursor && l.sub.accept(c));
          l.cursor = feed.seq;
          try {
            if (wanted.length) l.sub.deliver(wanted, feed.seq);
          } catch (err) {
            // One broken stream must not stop the others.
            console.error("live deliver:", err instanceof Error ? err.message : err);
          }
        }
        if (page.length < PAGE) return;
      }
    });
  }

  private start(): Promise<void> {
    return (this.starting ??= (async () => {
      if (this.opts.listen !== false) await this.connect();
      this.schedulePoll();
    })());
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.opts.connectionString ?? process.env.DATABASE_URL });
    client.on("notification", (msg) => this.onNotification(msg.payload ?? ""));
    client.on("error", () => this.reconnect(client));
    client.on("end", () => this.reconnect(client));
    try {
      await client.connect();
      await client.query("LISTEN claimtrail_changes");
      this.client = client;
      this.listening = true;
      // Did we miss anything while (re)connecting? Read every followed workspace once.
      for (const id of this.feeds.keys()) void this.pump(id);
      if (!this.notifyWorks) await this.probe();
    } catch (err) {
      console.error("live: LISTEN failed, polling instead:", err instanceof Error ? err.message : err);
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.client !== client && this.client !== null) return;
    this.client = null;
    this.listening = false;
    client.end().catch(() => undefined);
    if (this.closed) return;
    setTimeout(() => void this.connect(), 1000).unref();
  }

  /** Sends a NOTIFY from the pool and waits briefly for it on our connection: the embedded server never passes it on. */
  private async probe(): Promise<void> {
    const arrived = new Promise<void>((resolve) => (this.probeArrived = resolve));
    await db.$executeRawUnsafe(`SELECT pg_notify('claimtrail_changes', $1)`, `probe:${this.probeId}`);
    await Promise.race([arrived, new Promise((r) => setTimeout(r, 1000).unref())]);
    this.probeArrived = null;
  }
  private probeArrived: (() => void) | null = null;

  private onNotification(payload: string): void {
    if (payload === `probe:${this.probeId}`) {
      this.notifyWorks = true;
      this.probeArrived?.();
      return;
    }
    const at = payload.lastIndexOf(":");
    const workspaceId = payload.slice(0, at);
    const seq = Number(payload.slice(at + 1));
    const feed = this.feeds.get(workspaceId);
    if (feed && !(seq <= feed.seq)) void this.pump(workspaceId);
  }

  private pollMs(): number {
    return this.listening && this.notifyWorks ? (this.opts.slowPollMs ?? 2000) : (this.opts.fastPollMs ?? 300);
  }

  /** One query for all followed workspaces: whose counter moved past what we read? */
  private schedulePoll(): void {
    if (this.closed) return;
    this.poller = setTimeout(async () => {
      try {
        const ids = [...this.feeds.keys()];
        if (ids.length) {
          const rows = await db.changeCounter.findMany({ where: { workspaceId: { in: ids } }, select: { workspaceId: true, seq: true } });
          for (const r of rows) {
            const feed = this.feeds.get(r.workspaceId);
            if (feed && Number(r.seq) > feed.seq) void this.pump(r.workspaceId);
          }
        }
      } catch (err) {
        console.error("live poll:", err instanceof Error ? err.message : err);
      }
      this.schedulePoll();
    }, this.pollMs());
    this.poller.unref();
  }
}

const globalForLive = globalThis as unknown as { claimtrailLive?: LiveHub };

/** This instance's hub, started on the first stream. */
export function liveHub(): LiveHub {
  return (globalForLive.claimtrailLive ??= new LiveHub());
}
