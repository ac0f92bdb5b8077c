import { CHANGE_KINDS, changeArea } from "@/lib/changes/kinds";

/** The change kinds by area, in kinds.ts order: the webhook form's checkbox groups and the audit log's kind filter. */
export function kindGroups(): { area: string; kinds: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const k of CHANGE_KINDS) groups.set(changeArea(k), [...(groups.get(changeArea(k)) ?? []), k]);
  return [...groups].map(([area, kinds]) => ({ area, kinds }));
}
