import { db } from "@/lib/db/client";
import type { AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { labelsByLocale, resolveVerdictLabels, VERDICTS, type Verdict, type VerdictLabelsByLocale } from "./verdicts";

/** The built-in verdict names in `locale` (`common.verdicts`). */
export async function builtInVerdictLabels(locale: AppLocale): Promise<Record<Verdict, string>> {
  const messages = (await loadMessages(locale)) as { common?: { verdicts?: Record<string, string> } };
  const names = messages.common?.verdicts ?? {};
  return Object.fromEntries(VERDICTS.map((v) => [v, names[v] ?? v])) as Record<Verdict, string>;
}

/** The workspace's name for each verdict as a reader of `locale` sees it (see resolveVerdictLabels). */
export async function getVerdictLabels(workspaceId: string, locale: AppLocale): Promise<Record<Verdict, string>> {
  const [workspace, builtIn] = await Promise.all([db.workspace.findUnique({ where: { id: workspaceId }, select: { verdictLabels: true } }), builtInVerdictLabels(locale)]);
  return resolveVerdictLabels(workspace?.verdictLabels, locale, builtIn);
}

/** The workspace's own labels per language (only the verdicts it renamed). */
export async function getOwnVerdictLabels(workspaceId: string): Promise<VerdictLabelsByLocale> {
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { verdictLabels: true } });
  return labelsByLocale(workspace.verdictLabels);
}
