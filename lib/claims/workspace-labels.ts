import { db } from "@/lib/db/client";
import { verdictLabels, type Verdict } from "./verdicts";

/** The workspace's verdict labels (its renamings over the defaults). */
export async function getVerdictLabels(workspaceId: string): Promise<Record<Verdict, string>> {
  const workspace = await db.workspace.findUnique({ where: { id: workspaceId }, select: { verdictLabels: true } });
  return verdictLabels(workspace?.verdictLabels);
}
