import { workspaceRoute } from "@/lib/http/handler";
import { methods, validate } from "@/lib/http/pipeline";
import { mentionCandidates, mentionQuerySchema } from "@/lib/members/mention-candidates";

/** Members to @mention in a comment (autocomplete): `?q=` the start of a name. */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  GET: workspaceRoute("claim.comment", {}, async ({ access, req }) => {
    const { q } = validate(mentionQuerySchema, Object.fromEntries(new URL(req.url).searchParams), "query");
    return { members: await mentionCandidates(access, q) };
  }),
});
