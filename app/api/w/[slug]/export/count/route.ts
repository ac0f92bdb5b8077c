import { workspaceRoute } from "@/lib/http/handler";
import { countExportSet, EXPORT_QUERY, exportLocale } from "@/lib/export";
import { methods } from "@/lib/http/pipeline";

/** How many articles, annotations and claims an export with these filters holds; it refuses what the export would refuse, `locale` included. */
const get = workspaceRoute("workspace.view", { query: EXPORT_QUERY }, ({ access, req }) => {
  const params = new URL(req.url).searchParams;
  exportLocale(params);
  return countExportSet(access, params);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
