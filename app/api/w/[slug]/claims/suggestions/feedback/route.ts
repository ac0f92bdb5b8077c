import { workspaceRoute } from "@/lib/http/handler";
import { feedbackSchema, recordSuggestionFeedback } from "@/lib/search/record-feedback";
import { methods } from "@/lib/http/pipeline";

/** Which suggestions were accepted or dismissed; needs the right to annotate, as attaching does. */
const post = workspaceRoute("annotation.create", { body: feedbackSchema, status: 201 }, ({ access, user, body }) =>
  recordSuggestionFeedback({ ...body, workspaceId: access.workspace.id, actorId: user.id }),
);

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
