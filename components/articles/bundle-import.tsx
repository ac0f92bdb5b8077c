"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { DryRunImport, type Outcome } from "./dry-run-import";
import type { ImportPlan } from "@/lib/bundle-import/plan";

const MAX_BYTES = 50 * 1024 * 1024;

async function send(slug: string, file: File, dryRun: boolean): Promise<Outcome<{ plan: ImportPlan; claims?: Record<string, string> }>> {
  const res = await fetch(`/api/w/${slug}/import-bundle?dryRun=${dryRun}`, { method: "POST", headers: { "content-type": "application/json" }, body: file }).catch(() => null);
  if (!res) return { ok: false, message: "Can't reach the server. Check your connection and try again.", fields: {}, code: "network" };
  const body = await res.json().catch(() => ({}));
  if (res.ok) return { ok: true, data: body as { plan: ImportPlan; claims?: Record<string, string> } };
  const issues = (body.issues ?? []) as { path: string; message: string }[];
  return {
    ok: false,
    message: (body.detail as string) ?? `Request failed (${res.status}).`,
    fields: Object.fromEntries(issues.map((i) => [i.path, i.message])),
    code: typeof body.code === "string" ? body.code : undefined,
    codeParams: body.codeParams && typeof body.codeParams === "object" ? body.codeParams : undefined,
    // Each issue's code, so the dry run lists them in the reader's language (components/ui/api-errors.ts).
    fieldCodes: body.fieldCodes && typeof body.fieldCodes === "object" ? body.fieldCodes : undefined,
  };
}

/** Choose a bundle → the dry run's report → Import → the result. Admins only (the route checks). */
export function BundleImport({ slug }: { slug: string }) {
  const t = useTranslations("articles.bundle");
  return (
    <DryRunImport<ImportPlan, { plan: ImportPlan; claims: number }>
      id="bundle"
      title={t("title")}
      description={t.rich("description", { code: (chunks) => <code>{chunks}</code> })}
      fileLabel={t("fileLabel")}
      accept=".json,application/json"
      maxBytes={MAX_BYTES}
      tooLarge={() => t("tooLarge")}
      checking={() => t("checking")}
      check={async (file) => {
        const r = await send(slug, file, true);
        return r.ok ? { ok: true, data: r.data.plan } : r;
      }}
      apply={async (file) => {
        const r = await send(slug, file, false);
        return r.ok ? { ok: true, data: { plan: r.data.plan, claims: r.data.plan.create.claims } } : r;
      }}
      renderPlan={(plan) => <PlanReport plan={plan} done={false} />}
      // A bundle all of whose contents are here already (imported before) would add nothing: said on the button.
      importLabel={(plan) => (createsSomething(plan) ? t("import") : t("nothingToImport"))}
      canImport={createsSomething}
      renderDone={({ plan, claims }) => (
        <>
          <PlanReport plan={plan} done />
          <Alert tone="success">
            {t("importedClaims", { count: claims })}{" "}
            <Link href={`/w/${slug}/claims`} className="underline">
              {t("seeClaims")}
            </Link>
          </Alert>
        </>
      )}
    />
  );
}

const createsSomething = (plan: ImportPlan) => Object.values(plan.create).some((n) => n > 0);

function PlanReport({ plan, done }: { plan: ImportPlan; done: boolean }) {
  const t = useTranslations("articles.bundle");
  const noteText = (n: ImportPlan["notes"][number]) => {
    if (n.kind === "reused" || n.kind === "unmatched") return t(`notes.${n.kind}`, { count: n.count });
    if (n.kind === "alreadyHere") return t("notes.alreadyHere", { annotations: n.annotations, claims: n.claims });
    if (n.kind === "earlierRevision") return t("notes.earlierRevision", { count: n.count, titles: n.titles });
    return t(`notes.${n.kind}`);
  };
  const counts = Object.entries(plan.create) as [keyof ImportPlan["create"], number][];
  const unmatched = [...plan.people.notMembers.map((p) => ({ ...p, why: t("notMember") })), ...plan.people.notFound.map((p) => ({ ...p, why: t("noAccount") }))];
  return (
    <div>
      <h4 className="font-medium">{done ? t("imported") : t("wouldCreate")}</h4>
      <ul className="mt-1 grid grid-cols-2 gap-x-4">
        {counts.map(([kind, n]) => (
          <li key={kind}>
            {t(`kinds.${kind}`, { count: n })}
          </li>
        ))}
      </ul>
      {plan.reusedArticles.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">{t("reused")}</h4>
          <ul className="list-disc pl-5">
            {plan.reusedArticles.map((r) => (
              <li key={r.bundleId}>{r.existingTitle}</li>
            ))}
          </ul>
        </>
      )}
      {plan.conflicts.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">{t("skipped")}</h4>
          <ul className="list-disc pl-5">
            {plan.conflicts.map((c) => (
              <li key={c.bundleId}>
                {c.title}: {t("conflictHash", { existing: c.existingTitle })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-3">
        {t("matched", { count: plan.people.matched.length })}
      </p>
      {unmatched.length > 0 && (
        <>
          <h4 className="mt-3 font-medium">{t("unmatched")}</h4>
          <ul className="list-disc pl-5">
            {unmatched.map((p) => (
              <li key={p.email}>
                {p.name} &lt;{p.email}&gt; — {p.why}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.verdictLabels !== "same" && <p className="mt-3">{plan.verdictLabels === "adopted" ? t("labelsAdopted") : t("labelsKept")}</p>}
      {plan.notes.length > 0 && (
        <ul className="mt-3 list-disc pl-5 text-stone-600">
          {plan.notes.map((n) => (
            <li key={n.kind}>{noteText(n)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
