import { listWorkspaces } from "@/lib/api-v1/endpoints/workspaces";

export const GET = listWorkspaces;
