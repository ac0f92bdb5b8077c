import { workspaceRoute } from "@/lib/http/handler";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "@/lib/workspaces/update-settings";

export const PATCH = workspaceRoute("workspace.update", { body: workspaceSettingsSchema }, ({ access, body }) => updateWorkspaceSettings(access, body));
