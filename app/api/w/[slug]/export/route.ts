import { workspaceRoute } from "@/lib/http/handler";
import { EXPORT_QUERY, exportResponse } from "@/lib/export";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { methods } from "@/lib/http/pipeline";

/**
 * `?format=bundle|jsonl|csv|w3c|claimreview` plus the export filters (lib/export/filters.ts) and
 * `locale` for the verdict labels (default: the asker's UI language); a streamed attachment.
 */
const get = workspaceRoute("workspace.view", { query: EXPORT_QUERY }, async ({ access, req }) => exportResponse(access, new URL(req.url).searchParams, await localeOfRequest(req, access.userId), req.signal));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
