import { workspaceRoute } from "@/lib/http/handler";
import { countExportSet, EXPORT_QUERY } from "@/lib/export";
import { methods } from "@/lib/http/pipeline";

/** How many articles, annotations and claims an export with these filters holds. */
const get = workspaceRoute("workspace.view", { query: EXPORT_QUERY }, ({ access, req }) => countExportSet(access, new URL(req.url).searchParams));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
