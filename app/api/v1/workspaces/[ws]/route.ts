import { getWorkspace, updateWorkspace } from "@/lib/api-v1/endpoints/workspaces";
import { methods } from "@/lib/http/pipeline";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: getWorkspace, PATCH: updateWorkspace });
