import { userRoute } from "@/lib/http/handler";
import { createWorkspace, newWorkspaceSchema } from "@/lib/workspaces/create-workspace";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";
import { methods } from "@/lib/http/pipeline";

const get = userRoute({}, ({ user }) => listWorkspaces(user.id));

const post = userRoute({ body: newWorkspaceSchema, status: 201 }, async ({ user, body }) => {
  const workspace = await createWorkspace({ name: body.name, ownerId: user.id });
  return { id: workspace.id, slug: workspace.slug, name: workspace.name };
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get, POST: post });
