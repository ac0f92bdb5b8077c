import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { deleteAlias } from "@/lib/glossary";

const remove = workspaceRoute("workspace.update", {}, ({ access, params }) => deleteAlias(access, params.aliasId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ DELETE: remove });
