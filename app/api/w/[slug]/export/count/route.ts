import { workspaceRoute } from "@/lib/http/handler";
import { countExportSet, EXPORT_QUERY, exportLocale, parseFormat } from "@/lib/export";
import { methods } from "@/lib/http/pipeline";

/** How many articles, annotations and claims an export with these filters holds; it refuses what the export would refuse, `locale` included. */
const get = workspaceRoute("workspace.view", { query: EXPORT_QUERY }, ({ access, req }) => {
  const params = new URL(req.url).searchParams;
  exportLocale(params);
  // The count doesn't depend on the format, but a format the export would refuse is refused here too (black-box, session 30).
  if (params.has("format")) parseFormat(params.get("format"));
  return countExportSet(access, params);
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
