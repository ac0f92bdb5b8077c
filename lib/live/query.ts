import { z } from "zod";
import { queryInt } from "@/lib/validation/numbers";
import { invalid } from "@/lib/errors";
import { id } from "@/lib/validation/id";
import type { LiveScope } from "./live-change";

/** Seqs are BIGINT in the feed; JSON and EventSource ids carry them as safe integers. */
const seq = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER, "Not a seq.");

/** What a page listens to and where it resumes: `?article=` or `?claim=` (else the whole workspace), `after=`. */
export const liveQuery = z
  .object({
    after: seq.optional().meta({ description: "Resume after this seq (the last change you have). Omitted: from now. A stream also takes Last-Event-ID." }),
    article: id("Give a valid article id.").optional().meta({ description: "Only changes touching this article (its highlights, and the claims mentioned in it)." }),
    claim: id("Give a valid claim id.").optional().meta({ description: "Only changes to this claim." }),
  })
  .refine((q) => !(q.article && q.claim), { message: "Give article or claim, not both.", path: ["claim"], params: { code: "live_one_scope" } });

export const listChangesQuery = z
  .object({
    after: seq.default(0).meta({ description: "Changes after this seq (default 0: from the first)." }),
    limit: queryInt("limit", 1, 500).default(100).meta({ description: "At most this many changes read (1–500, default 100)." }),
    article: id("Give a valid article id.").optional().meta({ description: "Only changes touching this article." }),
    claim: id("Give a valid claim id.").optional().meta({ description: "Only changes to this claim." }),
  })
  .refine((q) => !(q.article && q.claim), { message: "Give article or claim, not both.", path: ["claim"], params: { code: "live_one_scope" } });

export function scopeOf(q: { article?: string; claim?: string }): LiveScope {
  if (q.article) return { kind: "article", articleId: q.article };
  if (q.claim) return { kind: "claim", claimId: q.claim };
  return { kind: "workspace" };
}

/**
 * Last-Event-ID wins over ?after= (it is where the browser's EventSource stopped). One that isn't a
 * seq is a 400 naming it: starting "from now" instead would skip whatever the client missed.
 */
export function resumeFrom(req: Request, after: number | undefined): number | undefined {
  const header = req.headers.get("last-event-id");
  if (header === null || header.trim() === "") return after;
  if (!/^\d{1,15}$/.test(header.trim())) throw invalid("Last-Event-ID must be the seq of the last change you have.", { "Last-Event-ID": "Not a seq." });
  return Number(header.trim());
}
