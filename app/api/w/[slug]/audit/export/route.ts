import { auditExportResponse } from "@/lib/audit";
import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";

/** `?format=csv|jsonl` plus the audit log's filters (lib/audit/filters.ts); a streamed attachment. Admins only. */
const get = workspaceRoute("workspace.update", {}, ({ access, req }) => auditExportResponse(access, new URL(req.url).searchParams));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
