"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { DryRunImport, type Outcome } from "./dry-run-import";
import type { ImportPlan } from "@/lib/bundle-import/plan";

const MAX_BYTES = 50 * 1024 * 1024;
const KIND_LABELS: Record<keyof ImportPlan["create"], string> = {
  articles: "articles",
  revisions: "article revisions",
  annotations: "highlights",
  claims: "claims",
  sources: "sources",
  relations: "links between claims",
  events: "history entries",
  comments: "comments",
};

async function send(slug: string, file: File, dryRun: boolean): Promise<Outcome<{ plan: ImportPlan; claims?: Record<string, string> }>> {
  const res = await fetch(`/api/w/${slug}/import-bundle?dryRun=${dryRun}`, { method: "POST", headers: { "content-type": "application/json" }, body: file }).catch(() => null);
  if (!res) return { ok: false, message: "Can't reach the server. Check your connection and try again.", fields: {} };
  const body = await res.json().catch(() => ({}));
  if (res.ok) return { ok: true, data: body as { plan: ImportPlan; claims?: Record<string, string> } };
  const issues = (body.issues ?? []) as { path: string; message: string }[];
  return { ok: false, message: (body.detail as string) ?? `Request failed (${res.status}).`, fields: Object.fromEntries(issues.map((i) => [i.path, i.message])) };
}

/** Choose a bundle → the dry run's report → Import → the result. Admins only (the route checks). */
export function BundleImport({ slug }: { slug: string }) {
  return (
    <DryRunImport<ImportPlan, { plan: ImportPlan; claims: number }>
      id="bundle"
      title="Import a Claimtrail bundle"
      description={
        <>
          A bundle exported from a Claimtrail workspace (<code>.claimtrail.json</code>): articles with their revisions, highlights, claims, sources, links, history
          and comments. You see what would be imported before anything is written.
        </>
      }
      fileLabel="Bundle file"
      accept=".json,application/json"
      maxBytes={MAX_BYTES}
      tooLarge={() => "The bundle is larger than 50 MB."}
      checking={() => "Checking the bundle…"}
      check={async (file) => {
        const r = await send(slug, file, true);
        return r.ok ? { ok: true, data: r.data.plan } : r;
      }}
      apply={async (file) => {
        const r = await send(slug, file, false);
        return r.ok ? { ok: true, data: { plan: r.data.plan, claims: Object.keys(r.data.claims ?? {}).length } } : r;
      }}
      renderPlan={(plan) => <PlanReport plan={plan} done={false} />}
      importLabel={() => "Import"}
      renderDone={({ plan, claims }) => (
        <>
          <PlanReport plan={plan} done />
          <Alert tone="success">
            Imported {claims} claims. <Link href={`/w/${slug}/claims`} className="underline">See the claims</Link>
          </Alert>
        </>
      )}
    />
  );
}

function PlanReport({ plan, done }: { plan: ImportPlan; done: boolean }) {
  const counts = Object.entries(plan.create) as [keyof ImportPlan["create"], number][];
  const unmatched = [...plan.people.notMembers.map((p) => ({ ...p, why: "not a member" })), ...plan.people.notFound.map((p) => ({ ...p, why: "no account" }))];
  return (
    <div>
      <h4 className="font-medium">{done ? "Imported" : "Would create"}</h4>
      <ul className="mt-1 grid grid-cols-2 gap-x-4">
        {counts.map(([kind, n]) => (
          <li key={kind}>
            {n.toLocaleString()} {KIND_LABELS[kind]}
          </li>
        ))}
      </ul>
      {plan.reusedArticles.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">Already here (highlights are added to them)</h4>
          <ul className="list-disc pl-5">
            {plan.reusedArticles.map((r) => (
              <li key={r.bundleId}>{r.existingTitle}</li>
            ))}
          </ul>
        </>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">Skipped</h4>
          <ul className="list-disc pl-5">
            {plan.conflicts.map((c) => (
              <li key={c.bundleId}>
                {c.title}: {c.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-3">
        {plan.people.matched.length} {plan.people.matched.length === 1 ? "person" : "people"} matched by email.
      </p>
      {unmatched.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">Not matched (kept by name in the claims&apos; history)</h4>
          <ul className="list-disc pl-5">
            {unmatched.map((p) => (
              <li key={p.email}>
                {p.name} &lt;{p.email}&gt; — {p.why}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.verdictLabels !== "same" && <p className="mt-3">Verdict labels: {plan.verdictLabels === "adopted" ? "the bundle's are adopted" : "this workspace's are kept"}.</p>}
      {plan.warnings.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-stone-600">
          {plan.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
