import type { Access } from "@/lib/auth/permissions";
import { latestSeq, readChanges } from "@/lib/changes";
import { invalid } from "@/lib/errors";
import { checkScope } from "./check-scope";
import { enrich } from "./enrich";
import { inScope, toWire, visibleTo, type LiveScope, type WireChange } from "./live-change";

export interface ChangePage {
  changes: WireChange[];
  /** The last seq looked at: ask again with `after` set to it (filtered-out changes are skipped, not lost). */
  seq: number;
  /** More changes wait after `seq`: ask again at once. */
  more: boolean;
}

/**
 * The polling side of the live feed (for clients where SSE is blocked, and
 * API v1 `listChanges`): the member's visible changes after `after`, in the
 * page's scope, oldest first.
 */
export async function listChanges(access: Access, opts: { after: number; limit: number; scope: LiveScope }): Promise<ChangePage> {
  await checkScope(access, opts.scope);
  const read = await readChanges(access.workspace.id, opts.after, opts.limit);
  // A resume point past the feed's head (a mistyped or corrupted id, a database restored from a
  // backup) would silently skip everything up to it: say so instead, with where the feed is.
  if (!read.length && opts.after > 0) {
    const head = await latestSeq(access.workspace.id);
    if (opts.after > head) throw invalid(`after is past the latest change (seq ${head}); read again from a seq you have, or from 0.`, { after: `At most ${head}.` });
  }
  const changes = (await enrich(read)).filter((c) => visibleTo(access, c) && inScope(opts.scope, c));
  return {
    changes: changes.map(toWire),
    seq: read.length ? read[read.length - 1].seq : opts.after,
    more: read.length === opts.limit,
  };
}
