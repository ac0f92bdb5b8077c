import { userRoute } from "@/lib/http/handler";
import { createWorkspace, newWorkspaceSchema } from "@/lib/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

export const GET = userRoute({}, ({ user }) => listWorkspaces(user.id));

export const POST = userRoute({ body: newWorkspaceSchema, status: 201 }, async ({ user, body }) => {
  const workspace = await createWorkspace({ name: body.name, ownerId: user.id });
  return { id: workspace.id, slug: workspace.slug, name: workspace.name };
});
