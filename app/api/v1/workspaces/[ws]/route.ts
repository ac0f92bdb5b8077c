import { getWorkspace } from "@/lib/api-v1/endpoints/workspaces";

export const GET = getWorkspace;
