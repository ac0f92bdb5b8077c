import { workspaceRoute } from "@/lib/http/handler";
import { exportResponse } from "@/lib/export";
import { methods } from "@/lib/http/pipeline";

/** `?format=bundle|jsonl|csv|w3c|claimreview` plus the export filters (lib/export/filters.ts); a streamed attachment. */
const get = workspaceRoute("workspace.view", {}, ({ access, req }) => exportResponse(access, new URL(req.url).searchParams));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: get });
