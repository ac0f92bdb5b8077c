import { workspaceRoute } from "@/lib/http/handler";
import { feedbackSchema, recordSuggestionFeedback } from "@/lib/search/record-feedback";

/** Which suggestions were accepted or dismissed; needs the right to annotate, as attaching does. */
export const POST = workspaceRoute("annotation.create", { body: feedbackSchema, status: 201 }, ({ access, user, body }) =>
  recordSuggestionFeedback({ ...body, workspaceId: access.workspace.id, actorId: user.id }),
);
