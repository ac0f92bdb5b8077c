import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { applyImport, type ImportResult } from "./apply";
import { planImport, type ImportPlan } from "./plan";
import { validateBundle, type BundleIssue } from "./validate";

/**
 * Importing a Claimtrail bundle (README, "Import a bundle"): validate, plan
 * (the dry run), apply in one transaction.
 */
export { validateBundle, MAX_ISSUES, type BundleIssue, type Validation } from "./validate";
export { planImport, type ImportPlan } from "./plan";
export { applyImport, type ImportResult } from "./apply";
export { bundleSchema, type Bundle } from "./schema";

/** The largest bundle the route accepts, in bytes. */
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;

export type BundleImportOutcome = { dryRun: true; plan: ImportPlan } | ({ dryRun: false } & ImportResult);

/** An invalid bundle: 422 listing each issue by path (also as `errors`, path → message). */
export function invalidBundle(issues: BundleIssue[]): DomainError {
  const fields = Object.fromEntries(issues.map((i) => [i.path, i.message]));
  return new DomainError(422, `This isn't a bundle that can be imported: ${issues.length} ${issues.length === 1 ? "problem" : "problems"}.`, fields, { issues });
}

export async function importBundle(access: Access, input: unknown, opts: { dryRun: boolean }): Promise<BundleImportOutcome> {
  assertCan(access, "workspace.import");
  const checked = validateBundle(input);
  if (!checked.ok) throw invalidBundle(checked.issues);
  if (opts.dryRun) return { dryRun: true, plan: (await planImport(db, access.workspace.id, checked.bundle)).plan };
  return { dryRun: false, ...(await applyImport(access.workspace.id, checked.bundle)) };
}
