import { assertCan, type Access } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DomainError, said } from "@/lib/errors";
import type { FieldCode } from "@/lib/http/error-codes";
import { applyChecked, wholeBundleReader, type BundleReader, type ImportResult } from "./apply";
import { BundleChecker, checkWhole, type BundleIssue, type BundleSummary } from "./checker";
import { planImport, type ImportPlan } from "./plan";
import { bundleEvents } from "./stream";

/**
 * Importing a Claimtrail bundle (README, "Import a bundle"): validate, plan
 * (the dry run), apply in one transaction. A bundle is read as a stream
 * (stream.ts, checker.ts): checked entity by entity, then read again to be
 * written, so its size is bounded by the disk, not by memory.
 */
export { validateBundle, MAX_ISSUES, type BundleIssue, type Validation } from "./validate";
export { planImport, type ImportPlan } from "./plan";
export { applyImport, applyChecked, type ImportResult, type ImportStep } from "./apply";
export { bundleSchema, type Bundle } from "./schema";

/** The largest bundle the API accepts, in bytes: read as a stream, never held whole (about 300 MB per 100,000 claims). */
export const MAX_BUNDLE_BYTES = 2 * 1024 * 1024 * 1024;

export type BundleImportOutcome = { dryRun: true; plan: ImportPlan } | ({ dryRun: false } & ImportResult);

/**
 * An invalid bundle: 422 listing each issue by path (also as `errors`, path → message, and `fieldCodes`, path →
 * its code: the dry run lists them in the reader's language).
 */
export function invalidBundle(issues: BundleIssue[]): DomainError {
  const fields = new Map<string, string>();
  const fieldCodes = new Map<string, FieldCode>();
  // The last issue at a path names it, as `errors` always did.
  for (const i of issues) {
    fields.set(i.path, i.message);
    if (i.code) fieldCodes.set(i.path, { code: i.code, ...(i.limit !== undefined ? { limit: i.limit } : {}), ...(i.params ? { params: i.params } : {}) });
    else fieldCodes.delete(i.path);
  }
  const why = `This isn't a bundle that can be imported: ${issues.length} ${issues.length === 1 ? "problem" : "problems"}.`;
  return new DomainError(422, said("bundle_problems", why, { count: issues.length }), Object.fromEntries(fields), { issues, fieldCodes: Object.fromEntries(fieldCodes) });
}

/** A bundle already parsed into memory (small bundles, tests). */
export async function importBundle(access: Access, input: unknown, opts: { dryRun: boolean }): Promise<BundleImportOutcome> {
  assertCan(access, "workspace.import");
  const checked = checkWhole(input);
  if (!checked.ok) throw invalidBundle(checked.issues);
  if (opts.dryRun) return { dryRun: true, plan: (await planImport(db, access.workspace.id, checked.summary, wholeBundleReader(checked.bundle!))).plan };
  return { dryRun: false, ...(await applyChecked(access.workspace.id, checked.summary, wholeBundleReader(checked.bundle!), { actorId: access.userId })) };
}

/** Bytes of a bundle, readable more than once (a file; an upload spooled to disk as it is read). */
export type BundleSource = () => AsyncIterable<Uint8Array | string>;

/** Checks a streamed bundle; 400 for bytes that aren't UTF-8 JSON or text that can't be stored, 422 listing what is wrong. */
export async function checkBundleStream(source: BundleSource): Promise<BundleSummary> {
  const checker = new BundleChecker({ unstorable: "throw" });
  for await (const events of bundleEvents(source())) {
    for (const e of events) {
      if (e.kind === "item") checker.item(e.section, e.value);
      else checker.key(e.key, e.value);
    }
  }
  const r = checker.finish();
  if (!r.ok) throw invalidBundle(r.issues);
  return r.summary;
}

/** Reads the entities of the sections asked, again, from the source. */
export function streamReader(source: BundleSource): BundleReader {
  return async function* (sections) {
    const wanted = new Set<string>(sections);
    for await (const events of bundleEvents(source())) {
      const items = [];
      for (const e of events) if (e.kind === "item" && wanted.has(e.section)) items.push({ section: e.section, value: e.value });
      if (items.length) yield items;
    }
  };
}

/**
 * A streamed bundle: checked as it is read (one pass), then, unless a dry
 * run, written in one transaction while read a second time.
 */
export async function importBundleStream(access: Access, source: BundleSource, opts: { dryRun: boolean }): Promise<BundleImportOutcome> {
  assertCan(access, "workspace.import");
  const summary = await checkBundleStream(source);
  if (opts.dryRun) return { dryRun: true, plan: (await planImport(db, access.workspace.id, summary, streamReader(source))).plan };
  return { dryRun: false, ...(await applyChecked(access.workspace.id, summary, streamReader(source), { actorId: access.userId })) };
}
