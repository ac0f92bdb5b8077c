import type { Access } from "@/lib/auth/permissions";
import { inScope, toWire, visibleTo, type LiveChange, type LiveScope } from "./live-change";
import { checkScope } from "./check-scope";
import { liveHub, type LiveHub } from "./hub";

/** How long one stream stays open before the server ends it; EventSource reconnects at once with Last-Event-ID. */
function maxStreamMs(): number {
  const n = Number(process.env.LIVE_STREAM_MAX_MS);
  return Number.isFinite(n) && n > 0 ? n : 5 * 60_000;
}
/** Keep-alive comment interval, which is also how often the credential is checked again. */
const PING_MS = 15_000;

export interface StreamOptions {
  access: Access;
  scope: LiveScope;
  /** Resume after this seq (Last-Event-ID or ?after=); undefined: from now. */
  after: number | undefined;
  signal: AbortSignal;
  /**
   * Is the credential the stream was opened with still good (the session not
   * ended, the token not revoked)? Asked at every keep-alive ping: a stream
   * outlives the request that checked it, so without this a revoked token
   * would keep hearing the workspace until the stream's time is up.
   */
  stillValid?: () => Promise<boolean>;
  /** A change that ends the stream the moment it is read (e.g. this stream's token revoked), besides the member's own removal or role change. */
  endsOn?: (change: LiveChange) => boolean;
  /** Keep-alive interval (tests shorten it). */
  pingMs?: number;
  hub?: LiveHub;
}

/**
 * A Server-Sent Events stream of the workspace's changes the member may see
 * and the page cares about. Each event's id is its seq, so a reconnecting
 * EventSource resumes exactly where it stopped (Last-Event-ID). Events:
 * `change` (one change, JSON), `reset` (too far behind: reload), and
 * `ready` (caught up; data is the current seq). Comments keep proxies from
 * closing an idle stream; the id-only frames move the resume point past
 * changes this page filtered out.
 */
export async function liveStream(opts: StreamOptions): Promise<Response> {
  const { access, scope, signal } = opts;
  const hub = opts.hub ?? liveHub();
  await checkScope(access, scope);
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let sentCursor = opts.after ?? -1;
  const write = (text: string) => {
    if (!open) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      stop();
    }
  };
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe: (() => void) | null = null;
  const stop = () => {
    if (!open) return;
    open = false;
    unsubscribe?.();
    for (const t of timers) clearTimeout(t);
    try {
      controller.close();
    } catch {
      // Already closed by the client.
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      stop();
    },
  });
  write("retry: 1000\n\n");
  const endsStream = (c: LiveChange) => ((c.kind === "member.removed" || c.kind === "member.role-changed") && c.subjectId === access.userId) || (opts.endsOn?.(c) ?? false);
  const subscription = await hub.subscribe(access.workspace.id, opts.after, {
    accept: (change) => {
      // Checked on every change, before visibility: a removed or re-roled member (a viewer doesn't
      // see member changes) or a revoked token must not go on hearing the workspace with the access
      // it had. Nothing after it is sent: write() is a no-op once stopped, for this batch too; a
      // reconnect is checked afresh.
      if (endsStream(change)) {
        stop();
        return false;
      }
      return visibleTo(access, change) && inScope(scope, change);
    },
    deliver(changes, cursor) {
      let out = "";
      for (const c of changes) out += `id: ${c.seq}\nevent: change\ndata: ${JSON.stringify(toWire(c))}\n\n`;
      if (cursor > changes[changes.length - 1].seq) out += `id: ${cursor}\n\n`;
      sentCursor = cursor;
      write(out);
    },
    reset(cursor) {
      sentCursor = cursor;
      write(`id: ${cursor}\nevent: reset\ndata: ${cursor}\n\n`);
    },
  });
  unsubscribe = subscription.stop;
  if (!open) unsubscribe();
  const ready = subscription.cursor;
  write(`${ready > sentCursor ? `id: ${ready}\n` : ""}event: ready\ndata: ${ready}\n\n`);
  const ping = async () => {
    if (!open) return;
    if (opts.stillValid && !(await opts.stillValid().catch(() => true))) return stop();
    write(": ping\n\n");
    timers.push(setTimeout(() => void ping(), opts.pingMs ?? PING_MS).unref());
  };
  timers.push(setTimeout(() => void ping(), opts.pingMs ?? PING_MS).unref());
  timers.push(setTimeout(stop, maxStreamMs()).unref());
  if (signal.aborted) stop();
  signal.addEventListener("abort", stop, { once: true });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // nginx: don't buffer the stream.
      "x-accel-buffering": "no",
    },
  });
}
