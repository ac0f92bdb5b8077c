import { db } from "@/lib/db/client";
import type { Worker } from "@/lib/workers";
import { PRESENCE_TTL_MS } from "./heartbeat";

/** A presence row this old is a viewer long gone (a closed tab that sent no "leaving"): deleted. Four TTLs, twelve heartbeats. */
export const PRESENCE_STALE_MS = 4 * PRESENCE_TTL_MS;

/** Deletes presence rows not refreshed for PRESENCE_STALE_MS; answers how many went. */
export async function sweepPresence(now = new Date()): Promise<number> {
  const { count } = await db.presence.deleteMany({ where: { lastSeen: { lt: new Date(now.getTime() - PRESENCE_STALE_MS) } } });
  return count;
}

/**
 * Presence rows are written on every heartbeat and removed when a page says it
 * is leaving; a tab that closes without saying so leaves its row behind. This
 * worker clears those, on every instance (a delete of what is stale is the
 * same whoever runs it). It reports 0 so its loop waits: one delete takes all.
 */
export const presenceWorker: Worker = {
  name: "presence-sweep",
  idleMs: 60_000,
  async tick() {
    await sweepPresence();
    return 0;
  },
};
