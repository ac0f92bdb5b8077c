import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { deletePair, pairEditSchema, updatePair } from "@/lib/glossary";

const patch = workspaceRoute("workspace.update", { body: pairEditSchema }, ({ access, params, body }) => updatePair(access, params.pairId, body));
const remove = workspaceRoute("workspace.update", {}, ({ access, params }) => deletePair(access, params.pairId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ PATCH: patch, DELETE: remove });
