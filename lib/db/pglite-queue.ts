import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { PGlite } from "@electric-sql/pglite";

/**
 * pglite-socket serves every connection from one PGlite backend and queues
 * their messages one at a time. Two gaps make concurrent clients fail:
 *
 * - Extended-query messages (Parse, Bind, Execute… up to Sync) of two
 *   connections interleave, and since they share the backend's unnamed
 *   statement and portal, one connection's Bind lands on the other's Parse
 *   ("portal "" does not exist"). We keep a connection's batch together, from
 *   its first message to its Sync, as a real server's separate backends would.
 * - A failing message stopped the queue for good. We answer and go on.
 *
 * The queue object is internal to pglite-socket 0.2.x, so this replaces its
 * processQueue; the version is pinned in package.json.
 */
interface QueueItem {
  handlerId: number;
  message: Uint8Array;
  onData(data: Uint8Array): void;
  resolve(bytes: number): void;
  reject(err: unknown): void;
}

interface QueryQueue {
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Message types that belong to an extended-query batch ended by Sync. */
const EXTENDED = new Set(["P", "B", "E", "D", "C", "H", "F"].map((c) => c.charCodeAt(0)));
const BATCH_ENDS = new Set(["S", "Q", "X"].map((c) => c.charCodeAt(0)));

export function keepBatchesTogether(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!queue || typeof queue.processQueue !== "function" || !Array.isArray(queue.queue)) {
    throw new Error("pglite-socket's internal queue changed shape: check lib/db/pglite-queue.ts against the installed version");
  }
  const openBatches = new Set<number>();

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = this.lastHandlerId !== null && (this.db.isInTransaction() || openBatches.has(this.lastHandlerId)) ? this.lastHandlerId : null;
        let item: QueueItem | undefined;
        if (owner !== null) {
          const index = this.queue.findIndex((q) => q.handlerId === owner);
          // The owner's next message hasn't arrived yet; enqueue() runs us again when it does.
          if (index === -1) break;
          item = this.queue.splice(index, 1)[0];
        } else {
          item = this.queue.shift();
        }
        if (!item) break;
        const type = item.message[0];
        if (EXTENDED.has(type)) openBatches.add(item.handlerId);
        else if (BATCH_ENDS.has(type)) openBatches.delete(item.handlerId);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          this.lastHandlerId = item.handlerId;
          item.resolve(bytes);
        } catch (err) {
          openBatches.delete(item.handlerId);
          item.reject(err);
        }
      }
    } finally {
      this.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    openBatches.delete(handlerId);
    clear(handlerId);
    void queue.processQueue();
  };
}
