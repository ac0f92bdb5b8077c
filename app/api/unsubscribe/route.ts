import { z } from "zod";
import { publicRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { unsubscribe } from "@/lib/notifications/preferences";

const linkSchema = z.object({
  u: z.string({ error: "The link has no person." }).min(1).max(100),
  k: z.string({ error: "The link has no kind." }).min(1).max(50),
  t: z.string({ error: "The link has no signature." }).min(1).max(200),
});

/**
 * One-click unsubscribe (RFC 8058): mail clients POST here from the
 * List-Unsubscribe header, and the /unsubscribe page does too. Signed link,
 * no session; the body ("List-Unsubscribe=One-Click") isn't needed.
 */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: publicRoute({}, async ({ req }) => {
    const q = validate(linkSchema, Object.fromEntries(new URL(req.url).searchParams), "query");
    return unsubscribe(q.u, q.k, q.t);
  }),
});
