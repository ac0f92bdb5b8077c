import { presenceWorker } from "@/lib/live/presence-sweep";
import { mailWorker } from "@/lib/mail/worker";
import { digestWorker } from "@/lib/notifications/digest";
import { embeddingWorker } from "@/lib/search/embeddings/worker";
import { webhookWorker } from "@/lib/webhooks/worker";

/**
 * Background work that talks to the outside world after a commit (mail,
 * webhook deliveries). Each worker's queue lives in PostgreSQL and is claimed
 * with `FOR UPDATE SKIP LOCKED`, so any number of app instances can run every
 * worker at once without doing a job twice; nothing here is shared in memory.
 *
 * Add a worker by appending it to `workers` (one line each).
 */
export interface Worker {
  name: string;
  /** How long to wait after a tick that found nothing to do. */
  idleMs: number;
  /** Does up to one batch of due jobs; returns how many it did (more than 0: run again at once). */
  tick(): Promise<number>;
}

export const workers: Worker[] = [
  // One line per worker, e.g. mailWorker, webhookWorker.
  mailWorker,
  digestWorker,
  webhookWorker,
  presenceWorker,
  embeddingWorker,
];

/** Starts every worker's loop; the returned function stops them (tests, shutdown). */
export function startWorkers(list: Worker[] = workers): () => void {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  for (const worker of list) {
    const loop = async (): Promise<void> => {
      if (stopped) return;
      let done = 0;
      try {
        done = await worker.tick();
      } catch (err) {
        // A failing tick must not end the loop: the job stays queued and is tried again.
        console.error(`worker ${worker.name}:`, err instanceof Error ? err.message : err);
      }
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void loop();
      }, done > 0 ? 0 : worker.idleMs);
      timer.unref();
      timers.add(timer);
    };
    void loop();
  }
  return () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    timers.clear();
  };
}
