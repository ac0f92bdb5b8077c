import type { Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { endpoint } from "../endpoint";
import { pageOf, workspaceSchema } from "../schemas";

async function workspaceView(access: Access) {
  const w = await db.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { id: true, slug: true, name: true, createdAt: true } });
  return { ...w, role: access.role, createdAt: w.createdAt.toISOString() };
}

export const listWorkspaces = endpoint({
  id: "listWorkspaces",
  method: "GET",
  path: "/workspaces",
  tag: "Workspaces",
  summary: "List the token's workspace",
  description: "A token acts in exactly one workspace, so this list has one item: that workspace and the role the token acts with (its owner's current role).",
  action: "workspace.view",
  responses: { 200: { description: "The token's workspace.", schema: pageOf(workspaceSchema, "WorkspacePage") } },
  handler: async ({ access }) => ({ items: [await workspaceView(access)], nextCursor: null }),
});

export const getWorkspace = endpoint({
  id: "getWorkspace",
  method: "GET",
  path: "/workspaces/{ws}",
  tag: "Workspaces",
  summary: "Get a workspace",
  action: "workspace.view",
  responses: { 200: { description: "The workspace.", schema: workspaceSchema } },
  handler: async ({ access }) => workspaceView(access),
});
