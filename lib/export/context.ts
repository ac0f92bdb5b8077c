import type { Access } from "@/lib/auth/permissions";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { VERDICT_RATING, type Verdict } from "@/lib/claims/verdicts";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/http/public-url";
import { DEFAULT_LOCALE, type AppLocale } from "@/lib/i18n/locales";
import { envClaimReviewUrlTemplate, fillClaimReviewUrl } from "./claimreview-url";
import type { ExportSet } from "./export-set";

/** What every format needs besides the rows: who exports what, when, and how to name things. */
export interface ExportContext {
  access: Access;
  set: ExportSet;
  workspace: Access["workspace"];
  /** Verdict labels in the export's language (export.ts exportLocale). */
  labels: Record<Verdict, string>;
  locale: AppLocale;
  /** The app's public base URL, no trailing slash: APP_URL, else NEXTAUTH_URL, else http://localhost:3000. */
  appUrl: string;
  /** The workspace's ClaimReview URL template, else CLAIMREVIEW_URL_TEMPLATE, else null (claimreview-url.ts). */
  claimReviewUrlTemplate: string | null;
  exportedAt: Date;
  /** Aborted when the download's reader has gone: the export's queries are cancelled (copy-stream.ts). */
  signal?: AbortSignal;
}

export async function exportContext(access: Access, set: ExportSet, exportedAt = new Date(), locale: AppLocale = DEFAULT_LOCALE, signal?: AbortSignal): Promise<ExportContext> {
  const [labels, template] = await Promise.all([getVerdictLabels(access.workspace.id, locale), workspaceClaimReviewUrlTemplate(access.workspace.id)]);
  return { access, set, workspace: access.workspace, labels, locale, appUrl: publicUrl(), claimReviewUrlTemplate: template ?? envClaimReviewUrlTemplate(), exportedAt, signal };
}

/** The workspace's own ClaimReview URL template (Settings), or null. */
export async function workspaceClaimReviewUrlTemplate(workspaceId: string): Promise<string | null> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { claimReviewUrlTemplate: true } });
  return ws.claimReviewUrlTemplate;
}

/** The claim's page in the app. */
export function claimUrl(ctx: ExportContext, claimId: string): string {
  return `${ctx.appUrl}/w/${encodeURIComponent(ctx.workspace.slug)}/claims/${encodeURIComponent(claimId)}`;
}

/** A ClaimReview's `url`: the publisher's public page from the template, else the claim's page in the app. */
export function reviewUrl(ctx: ExportContext, claimId: string): string {
  return ctx.claimReviewUrlTemplate ? fillClaimReviewUrl(ctx.claimReviewUrlTemplate, { claimId, workspaceSlug: ctx.workspace.slug }) : claimUrl(ctx, claimId);
}

export function verdictFields(ctx: ExportContext, verdict: Verdict | null) {
  return { verdict, verdictLabel: verdict ? ctx.labels[verdict] : null, rating: verdict ? VERDICT_RATING[verdict] : null };
}

export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
