import { workspaceRoute } from "@/lib/http/handler";
import { countExportSet, REPEATABLE_EXPORT_PARAMS } from "@/lib/export";
import { methods } from "@/lib/http/pipeline";

/** How many articles, annotations and claims an export with these filters holds. */
const get = workspaceRoute("workspace.view", { repeatableQuery: REPEATABLE_EXPORT_PARAMS }, ({ access, req }) => countExportSet(access, new URL(req.url).searchParams));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
