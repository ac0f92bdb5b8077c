import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { heartbeat, presenceSchema } from "@/lib/live/presence";

/** A page's heartbeat: "I am on this article/claim"; answers who else is. */
const post = workspaceRoute("workspace.view", { body: presenceSchema }, ({ access, body }) => heartbeat(access, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
