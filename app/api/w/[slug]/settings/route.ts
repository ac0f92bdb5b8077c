import { workspaceRoute } from "@/lib/http/handler";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "@/lib/workspaces/update-settings";
import { methods } from "@/lib/http/pipeline";

const patch = workspaceRoute("workspace.update", { body: workspaceSettingsSchema }, ({ access, body }) => updateWorkspaceSettings(access, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch });
