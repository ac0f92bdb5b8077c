import { z } from "zod";
import { assertCan, type Access } from "@/lib/auth/permissions";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { conflict, said } from "@/lib/errors";
import { VERDICTS, VERDICT_LABEL_MAX, labelsByLocale, type VerdictLabelsByLocale } from "@/lib/claims/verdicts";
import { builtInVerdictLabels } from "@/lib/claims/workspace-labels";
import { LOCALES } from "@/lib/i18n/locales";
import { isOneLine } from "@/lib/validation/text";
import { claimReviewUrlTemplateSchema } from "@/lib/export/claimreview-url";
import { workspaceNameSchema } from "./create-workspace";

/** One verdict's name; "" means the built-in name in that language. */
const label = z
  .string({ error: "A label is text." })
  .trim()
  .max(VERDICT_LABEL_MAX, `Keep labels to ${VERDICT_LABEL_MAX} characters.`)
  .refine(isOneLine, { message: "A label is one line, without control characters.", params: { code: "one_line" } });

/**
 * An object whose keys must be among `keys`, each value checked by `value`. Unlike zod's
 * partialRecord, an unknown key is reported under its own path (`verdictLabels.de`), so the 400
 * names it.
 */
function keyedRecord<K extends string, V extends z.ZodType>(keys: readonly K[], value: V, unknownKey: string, notObject: string) {
  return z
    .record(z.string(), value, { error: notObject })
    .superRefine((record, ctx) => {
      for (const key of Object.keys(record)) if (!(keys as readonly string[]).includes(key)) ctx.addIssue({ code: "custom", path: [key], message: unknownKey });
    })
    .meta({ propertyNames: { enum: [...keys] } }) as unknown as z.ZodType<Partial<Record<K, z.output<V>>>, Partial<Record<K, z.input<V>>>>;
}

/** One language's labels, verdict → label (also the single-language form of bundles from before labels had a language). */
export const languageVerdictLabelsSchema = keyedRecord(VERDICTS, label, `Name a verdict: ${VERDICTS.join(", ")}.`, "Give the labels of a language as an object of verdict: label.");

/** Per UI language, per verdict: `{"ru": {"false": "Фейк"}}`. A language sent replaces that language's labels. */
export const verdictLabelsSchema = keyedRecord(LOCALES, languageVerdictLabelsSchema, `Name a language: ${LOCALES.join(", ")}.`, 'Give verdict labels as an object per language, e.g. {"ru": {"false": "Фейк"}}.');

export const workspaceSettingsSchema = z.object({
  name: workspaceNameSchema.optional(),
  /** Labels per language per verdict; a label that is empty, missing or the built-in name uses the built-in name. */
  verdictLabels: verdictLabelsSchema.optional(),
  /**
   * The labels of each language in `verdictLabels` as the sender last saw them (X18): when a language's stored labels
   * differ from these, a teammate saved that language meanwhile and the save is refused (409, verdict_labels_stale)
   * instead of overwriting theirs. Without it, the last save wins (older clients).
   */
  verdictLabelsBase: verdictLabelsSchema.optional(),
  /** The public fact-check page a ClaimReview links to (lib/export/claimreview-url.ts); "" or null clears it. */
  claimReviewUrlTemplate: claimReviewUrlTemplateSchema.nullable().optional(),
  /** A reviewer may not approve a verdict they set, explained or submitted (lib/claims/verdict-authors.ts). */
  requireSecondApprover: z.boolean({ error: "Say true or false." }).optional(),
})
  // Strict: a misspelt setting ({"requireSecondAprover": true}) is named, not ignored as if saved.
  .strict();

/**
 * Renames the workspace and its verdict labels, sets its ClaimReview URL
 * template and whether a second person must approve. Stored verdicts stay
 * normalised; only labels change.
 */
export async function updateWorkspaceSettings(access: Access, input: z.infer<typeof workspaceSettingsSchema>) {
  assertCan(access, "workspace.update");
  const given = input.verdictLabels;
  const select = { id: true, slug: true, name: true, verdictLabels: true, claimReviewUrlTemplate: true, requireSecondApprover: true } as const;
  return db.$transaction(async (tx) => {
    // Locked, so two admins saving at once each record what they really changed.
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${access.workspace.id} FOR UPDATE`;
    const before = await tx.workspace.findUniqueOrThrow({ where: { id: access.workspace.id }, select });
    if (given && input.verdictLabelsBase) assertLabelsCurrent(labelsByLocale(before.verdictLabels), given, input.verdictLabelsBase);
    const labels = given ? await mergeLabels(labelsByLocale(before.verdictLabels), given) : undefined;
    const after = await tx.workspace.update({
      where: { id: access.workspace.id },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(labels ? { verdictLabels: labels as Record<string, Record<string, string>> } : {}),
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

/** Only the renamings (non-empty labels), so "" and a missing verdict compare alike. */
function ownOnly(labels: Partial<Record<string, string>> | undefined): Record<string, string> {
  return Object.fromEntries(VERDICTS.flatMap((v) => (labels?.[v]?.trim() ? [[v, labels[v]!.trim()]] : [])));
}

/** 409 when a language being saved was changed since the sender loaded it (`base`), naming that language's labels. */
function assertLabelsCurrent(current: VerdictLabelsByLocale, given: z.infer<typeof verdictLabelsSchema>, base: z.infer<typeof verdictLabelsSchema>) {
  const stale = LOCALES.filter((l) => given[l] && JSON.stringify(ownOnly(current[l])) !== JSON.stringify(ownOnly(base[l])));
  if (!stale.length) return;
  const message = said("verdict_labels_stale", "A teammate changed these verdict labels after you opened the page. Reload to see theirs, then make your change again.");
  throw conflict(message, Object.fromEntries(stale.map((l) => [`verdictLabels.${l}`, message])), { currentVerdictLabels: Object.fromEntries(stale.map((l) => [l, current[l] ?? {}])) });
}

/**
 * The stored labels with each language sent replaced: only real renamings are kept (an empty
 * label, or the built-in name of that language, is no renaming), so the built-in names, when
 * translations improve, still reach every verdict the desk didn't rename.
 */
async function mergeLabels(current: VerdictLabelsByLocale, given: z.infer<typeof verdictLabelsSchema>): Promise<VerdictLabelsByLocale> {
  const out: VerdictLabelsByLocale = { ...current };
  for (const locale of LOCALES) {
    const labels = given[locale];
    if (!labels) continue;
    const builtIn = await builtInVerdictLabels(locale);
    const own = Object.fromEntries(VERDICTS.flatMap((v) => (labels[v] && labels[v] !== builtIn[v] ? [[v, labels[v]]] : [])));
    if (Object.keys(own).length) out[locale] = own;
    else delete out[locale];
  }
  return out;
}
