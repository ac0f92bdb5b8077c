import type { Access } from "@/lib/auth/permissions";
import { labelsByLocale } from "@/lib/claims/verdicts";
import { db } from "@/lib/db/client";
import { updateWorkspaceSettings, workspaceSettingsSchema } from "@/lib/workspaces/update-settings";
import { endpoint } from "../endpoint";
import { pageOf, workspaceSchema } from "../schemas";

async function workspaceView(access: Access) {
  const w = await db.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select: { id: true, slug: true, name: true, createdAt: true, verdictLabels: true } });
  return { ...w, role: access.role, createdAt: w.createdAt.toISOString(), verdictLabels: labelsByLocale(w.verdictLabels) };
}

export const listWorkspaces = endpoint({
  id: "listWorkspaces",
  method: "GET",
  path: "/workspaces",
  tag: "Workspaces",
  summary: "List the token's workspace",
  description: "A token acts in exactly one workspace, so this list has one item: that workspace and the role the token acts with (its owner's current role).",
  action: "workspace.view",
  responses: { 200: { description: "The token's workspace.", schema: pageOf(workspaceSchema, "WorkspacePage") } },
  handler: async ({ access }) => ({ items: [await workspaceView(access)], nextCursor: null }),
});

export const getWorkspace = endpoint({
  id: "getWorkspace",
  method: "GET",
  path: "/workspaces/{ws}",
  tag: "Workspaces",
  summary: "Get a workspace",
  action: "workspace.view",
  responses: { 200: { description: "The workspace.", schema: workspaceSchema } },
  handler: async ({ access }) => workspaceView(access),
});

export const updateWorkspace = endpoint({
  id: "updateWorkspace",
  method: "PATCH",
  path: "/workspaces/{ws}",
  tag: "Workspaces",
  summary: "Change a workspace's settings",
  description:
    "Admins only. Any of `name`, `verdictLabels`, `claimReviewUrlTemplate`, `requireSecondApprover`. " +
    "`verdictLabels` names verdicts per UI language (`en`, `ru`, `uk`): each language sent replaces that language's labels, languages not sent stay as they are; " +
    "an empty label, or the built-in name, means the built-in name. Labels are one line, at most 40 characters; a bad one is a 400 naming it, e.g. `verdictLabels.ru.false`. " +
    "Optional `verdictLabelsBase` (same shape): each language's labels as you last read them; a language stored differently now (someone saved it meanwhile) is refused with 409 `verdict_labels_stale` and `currentVerdictLabels`, instead of overwriting theirs.",
  action: "workspace.update",
  body: workspaceSettingsSchema,
  responses: { 200: { description: "The workspace.", schema: workspaceSchema }, 409: { description: "`verdictLabelsBase` given and a language's labels changed since (`verdict_labels_stale`, with `currentVerdictLabels`)." } },
  example: { verdictLabels: { en: { "mostly-false": "Misleading" }, ru: { "mostly-false": "Манипуляция" } } },
  handler: async ({ access, body }) => {
    await updateWorkspaceSettings(access, body);
    return workspaceView(access);
  },
});
