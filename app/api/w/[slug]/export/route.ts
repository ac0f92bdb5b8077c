import { workspaceRoute } from "@/lib/http/handler";
import { exportResponse } from "@/lib/export";

/** `?format=bundle|jsonl|csv|w3c|claimreview` plus the export filters (lib/export/filters.ts); a streamed attachment. */
export const GET = workspaceRoute("workspace.view", {}, ({ access, req }) => exportResponse(access, new URL(req.url).searchParams));
