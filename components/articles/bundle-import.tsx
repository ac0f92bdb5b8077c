"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImportProblem } from "./import-problem";
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

type State =
  | { kind: "idle" }
  | { kind: "busy"; what: string }
  | { kind: "planned"; file: File; plan: ImportPlan }
  | { kind: "done"; plan: ImportPlan; claims: number }
  | { kind: "failed"; message: string; issues: { path: string; message: string }[] };

async function send(slug: string, file: File, dryRun: boolean) {
  const res = await fetch(`/api/w/${slug}/import-bundle?dryRun=${dryRun}`, { method: "POST", headers: { "content-type": "application/json" }, body: file }).catch(() => null);
  if (!res) return { ok: false as const, message: "Can't reach the server. Check your connection and try again.", issues: [] };
  const body = await res.json().catch(() => ({}));
  if (res.ok) return { ok: true as const, body: body as { plan: ImportPlan; claims?: Record<string, string> } };
  return { ok: false as const, message: (body.detail as string) ?? `Request failed (${res.status}).`, issues: (body.issues ?? []) as { path: string; message: string }[] };
}

/** Choose a bundle → the dry run's report → Import → the result. Admins only (the route checks). */
export function BundleImport({ slug }: { slug: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });

  async function check(file: File) {
    if (file.size > MAX_BYTES) return setState({ kind: "failed", message: "The bundle is larger than 50 MB.", issues: [] });
    setState({ kind: "busy", what: "Checking the bundle…" });
    const r = await send(slug, file, true);
    setState(r.ok ? { kind: "planned", file, plan: r.body.plan } : { kind: "failed", message: r.message, issues: r.issues });
  }

  async function apply(file: File) {
    setState({ kind: "busy", what: "Importing…" });
    const r = await send(slug, file, false);
    if (!r.ok) return setState({ kind: "failed", message: r.message, issues: r.issues });
    setState({ kind: "done", plan: r.body.plan, claims: Object.keys(r.body.claims ?? {}).length });
    router.refresh();
  }

  return (
    <section aria-labelledby="bundle-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h3 id="bundle-heading" className="font-semibold">
        Import a Claimtrail bundle
      </h3>
      <p className="mt-1 text-sm text-stone-600">
        A bundle exported from a Claimtrail workspace (<code>.claimtrail.json</code>): articles with their revisions, highlights, claims, sources, links, history and
        comments. You see what would be imported before anything is written.
      </p>
      <label className="mt-3 block text-sm">
        <span className="sr-only">Bundle file</span>
        <input
          type="file"
          accept=".json,application/json"
          disabled={state.kind === "busy"}
          aria-invalid={state.kind === "failed" ? true : undefined}
          aria-describedby={state.kind === "failed" ? "bundle-file-problem" : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void check(file);
            e.target.value = "";
          }}
        />
      </label>
      {state.kind === "failed" && (
        <div className="mt-2">
          <ImportProblem id="bundle-file-problem" message={state.message} fields={Object.fromEntries(state.issues.map((i) => [i.path, i.message]))} />
        </div>
      )}
      <div className="mt-4 space-y-3 text-sm" aria-live="polite">
        {state.kind === "busy" && <p>{state.what}</p>}
        {(state.kind === "planned" || state.kind === "done") && <PlanReport plan={state.plan} done={state.kind === "done"} />}
        {state.kind === "planned" && (
          <div className="flex gap-2">
            <Button onClick={() => void apply(state.file)}>Import</Button>
            <Button variant="secondary" onClick={() => setState({ kind: "idle" })}>
              Cancel
            </Button>
          </div>
        )}
        {state.kind === "done" && (
          <Alert tone="success">
            Imported {state.claims} claims. <Link href={`/w/${slug}/claims`} className="underline">See the claims</Link>
          </Alert>
        )}
      </div>
    </section>
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
