import { workspaceRoute } from "@/lib/http/handler";
import { countExportSet } from "@/lib/export";

/** How many articles, annotations and claims an export with these filters holds. */
export const GET = workspaceRoute("workspace.view", {}, ({ access, req }) => countExportSet(access, new URL(req.url).searchParams));
