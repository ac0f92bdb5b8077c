import { z } from "zod";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { VERDICTS, DEFAULT_VERDICT_LABELS } from "@/lib/claims/verdicts";
import { claimReviewUrlTemplateSchema } from "@/lib/export/claimreview-url";
import { workspaceNameSchema } from "./create-workspace";

const label = z.string().trim().min(1, "A label can't be empty.").max(40, "Keep labels under 40 characters.");

export const workspaceSettingsSchema = z.object({
  name: workspaceNameSchema.optional(),
  /** Labels per verdict; a label equal to the default (or missing) uses the default. */
  verdictLabels: z.partialRecord(z.enum(VERDICTS), label).optional(),
  /** The public fact-check page a ClaimReview links to (lib/export/claimreview-url.ts); "" or null clears it. */
  claimReviewUrlTemplate: claimReviewUrlTemplateSchema.nullable().optional(),
  /** A reviewer may not approve a verdict they set, explained or submitted (lib/claims/verdict-authors.ts). */
  requireSecondApprover: z.boolean({ error: "Say true or false." }).optional(),
});

/**
 * Renames the workspace and its verdict labels, sets its ClaimReview URL
 * template and whether a second person must approve. Stored verdicts stay
 * normalised; only labels change.
 */
export async function updateWorkspaceSettings(access: Access, input: z.infer<typeof workspaceSettingsSchema>) {
  assertCan(access, "workspace.update");
  const labels = input.verdictLabels
    ? Object.fromEntries(Object.entries(input.verdictLabels).filter(([v, l]) => l && l !== DEFAULT_VERDICT_LABELS[v as keyof typeof DEFAULT_VERDICT_LABELS]))
    : undefined;
  const select = { id: true, slug: true, name: true, verdictLabels: true, claimReviewUrlTemplate: true, requireSecondApprover: true } as const;
  return db.$transaction(async (tx) => {
    // Locked, so two admins saving at once each record what they really changed.
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${access.workspace.id} FOR UPDATE`;
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select });
    const after = await tx.workspace.update({
      where: { id: access.workspace.id },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(labels ? { verdictLabels: labels } : {}),
        ...(input.claimReviewUrlTemplate !== undefined ? { claimReviewUrlTemplate: input.claimReviewUrlTemplate } : {}),
        ...(input.requireSecondApprover !== undefined ? { requireSecondApprover: input.requireSecondApprover } : {}),
      },
      select,
    });
    const fields = ["name", "verdictLabels", "claimReviewUrlTemplate", "requireSecondApprover"] as const;
    const changes = fields.filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map((field) => ({ field, from: before[field], to: after[field] }));
    if (changes.length) await recordChange(tx, { kind: "settings.changed", workspaceId: access.workspace.id, actorId: access.userId, data: { changes } });
    return after;
  });
}
