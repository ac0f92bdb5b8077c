import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { confirmAlias, confirmAliasSchema } from "@/lib/glossary";

const post = workspaceRoute("workspace.update", { body: confirmAliasSchema, status: 201 }, ({ access, body }) => confirmAlias(access, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
