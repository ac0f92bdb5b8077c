"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ImportProblem } from "./import-problem";
import type { ImportReport, SpanOutcome } from "@/lib/annotation-import/import-annotations";
import { MAX_CONTENT_BYTES } from "@/lib/annotation-import/limits";
import { describeResult } from "@/lib/annotation-import/describe";

/** Rows shown in the report; the counts above it cover them all. */
const SHOWN = 200;

const STATUS_LABELS: Record<SpanOutcome, string> = { placed: "Placed", moved: "Moved", orphaned: "Orphaned", duplicate: "Already there" };
const STATUS_STYLE: Record<SpanOutcome, string> = {
  placed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  moved: "bg-amber-50 text-amber-900 ring-amber-200",
  orphaned: "bg-red-50 text-red-800 ring-red-200",
  duplicate: "bg-stone-100 text-stone-700 ring-stone-200",
};

const highlights = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "highlight" : "highlights"}`;
const storedCount = (r: ImportReport) => r.rows.filter((row) => row.stored).length;
const keptOrphans = (r: ImportReport) => r.rows.filter((row) => row.status === "orphaned" && row.stored).length;

type State =
  | { kind: "idle" }
  | { kind: "busy"; what: string }
  | { kind: "planned"; name: string; content: string; articleId: string; report: ImportReport }
  | { kind: "done"; report: ImportReport }
  | { kind: "failed"; message: string; fields: Record<string, string> };

function send(slug: string, content: string, articleId: string, dryRun: boolean) {
  return apiSend<ImportReport>("POST", `/api/w/${encodeURIComponent(slug)}/annotation-imports?dryRun=${dryRun}`, { content, ...(articleId ? { articleId } : {}) });
}

/**
 * Another tool's annotations (W3C, Hypothesis, Label Studio, doccano): choose
 * a file → the dry run's report, span by span → Import.
 */
export function AnnotationImport({ slug, articles }: { slug: string; articles: { id: string; title: string }[] }) {
  const router = useRouter();
  const [articleId, setArticleId] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });

  async function check(file: File) {
    if (file.size > MAX_CONTENT_BYTES) return setState({ kind: "failed", message: `"${file.name}" is larger than ${MAX_CONTENT_BYTES / 1024 / 1024} MB.`, fields: {} });
    setState({ kind: "busy", what: `Checking "${file.name}"…` });
    const content = await file.text();
    const r = await send(slug, content, articleId, true);
    setState(r.ok ? { kind: "planned", name: file.name, content, articleId, report: r.data } : { kind: "failed", message: r.error.message, fields: r.error.fields });
  }

  async function apply(planned: Extract<State, { kind: "planned" }>) {
    setState({ kind: "busy", what: "Importing…" });
    const r = await send(slug, planned.content, planned.articleId, false);
    if (!r.ok) return setState({ kind: "failed", message: r.error.message, fields: r.error.fields });
    setState({ kind: "done", report: r.data });
    router.refresh();
  }

  return (
    <section aria-labelledby="annotations-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h3 id="annotations-heading" className="font-semibold">
        Import annotations from other tools
      </h3>
      <p className="mt-1 text-sm text-stone-600">
        W3C Web Annotations (a Claimtrail export too), Hypothesis (API JSON), Label Studio (JSON tasks) or doccano (JSONL). Each span becomes a highlight placed by its
        quote, even where the text differs a little; you see where each one lands before anything is written. Label Studio and doccano texts become articles; a
        label named <q>Claim</q> makes a claim, other labels become tags.
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <SelectField label="Place them on" value={articleId} onChange={(e) => setArticleId(e.target.value)} disabled={state.kind === "busy"}>
          <option value="">The article the file names (by address or text)</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
        <label className="block space-y-1.5 text-sm">
          <span className="block font-medium text-stone-800">Annotation file</span>
          <input
            type="file"
            accept=".json,.jsonl,.jsonld,application/json,application/ld+json"
            className="max-w-full"
            disabled={state.kind === "busy"}
            aria-invalid={state.kind === "failed" ? true : undefined}
            aria-describedby={state.kind === "failed" ? "annotation-file-problem" : undefined}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void check(file);
              e.target.value = "";
            }}
          />
        </label>
      </div>
      {state.kind === "failed" && (
        <div className="mt-2">
          <ImportProblem id="annotation-file-problem" message={state.message} fields={state.fields} />
        </div>
      )}
      <div className="mt-4 space-y-3 text-sm" aria-live="polite">
        {state.kind === "busy" && <p>{state.what}</p>}
        {state.kind === "planned" && <Report report={state.report} name={state.name} />}
        {state.kind === "planned" && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void apply(state)} disabled={storedCount(state.report) === 0}>
              Import {highlights(storedCount(state.report))}
            </Button>
            <Button variant="secondary" onClick={() => setState({ kind: "idle" })}>
              Cancel
            </Button>
          </div>
        )}
        {state.kind === "done" && (
          <Alert tone="success">
            Imported {highlights(state.report.counts.placed + state.report.counts.moved)} from {state.report.toolName}
            {state.report.claims > 0 && ` and ${state.report.claims.toLocaleString("en")} ${state.report.claims === 1 ? "claim" : "claims"}`}.
            {keptOrphans(state.report) > 0 && ` ${keptOrphans(state.report).toLocaleString("en")} orphaned ${keptOrphans(state.report) === 1 ? "highlight was" : "highlights were"} kept to place by hand.`}{" "}
            {state.report.articles
              .filter((a) => a.id)
              .slice(0, 5)
              .map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ", "}
                  <Link href={`/w/${slug}/articles/${a.id}`} className="underline">
                    {a.title}
                  </Link>
                </span>
              ))}
          </Alert>
        )}
      </div>
    </section>
  );
}

function Report({ report, name }: { report: ImportReport; name: string }) {
  const { counts } = report;
  const shown = report.rows.slice(0, SHOWN);
  const kept = keptOrphans(report);
  return (
    <div>
      <h4 className="font-medium">
        {report.toolName} file <span className="break-all">“{name}”</span>: what would be imported
      </h4>
      <p className="mt-1">
        {counts.placed.toLocaleString("en")} placed, {counts.moved.toLocaleString("en")} moved, {counts.orphaned.toLocaleString("en")} orphaned
        {counts.duplicate > 0 && `, ${counts.duplicate.toLocaleString("en")} already highlighted`}.
        {kept > 0 && ` ${kept.toLocaleString("en")} orphaned ${kept === 1 ? "span is" : "spans are"} kept as orphaned highlights, listed in the reader to place by hand.`}
        {counts.orphaned - kept > 0 && ` ${(counts.orphaned - kept).toLocaleString("en")} orphaned ${counts.orphaned - kept === 1 ? "span has" : "spans have"} no article or no words and ${counts.orphaned - kept === 1 ? "is" : "are"} left out.`}
        {counts.duplicate > 0 && " Already highlighted spans are left out."}
        {report.articles.some((a) => a.status === "new") && ` New articles: ${report.articles.filter((a) => a.status === "new").map((a) => a.title).join(", ")}.`}
        {report.claims > 0 && ` New claims: ${report.claims.toLocaleString("en")}.`}
      </p>
      <div className="mt-2 max-h-96 overflow-auto rounded-md ring-1 ring-stone-200" tabIndex={0} role="region" aria-label="Annotations in the file">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-stone-50 text-stone-700">
            <tr>
              <th scope="col" className="px-2 py-1.5">
                #
              </th>
              <th scope="col" className="px-2 py-1.5">
                Result
              </th>
              <th scope="col" className="px-2 py-1.5">
                Quote
              </th>
              <th scope="col" className="hidden px-2 py-1.5 sm:table-cell">
                Article
              </th>
              <th scope="col" className="hidden px-2 py-1.5 md:table-cell">
                By
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.n} className="border-t border-stone-100 align-top">
                <td className="px-2 py-1.5 tabular-nums">{r.n}</td>
                <td className="px-2 py-1.5">
                  <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLE[r.status]}`}>{STATUS_LABELS[r.status]}</span>
                </td>
                <td className="px-2 py-1.5 [overflow-wrap:anywhere]">
                  <q dir="auto">{r.quote || "—"}</q>
                  {r.claim && <span className="block text-stone-600">Claim: {r.claim}</span>}
                  {r.tags.length > 0 && <span className="block text-stone-600">Tags: {r.tags.join(", ")}</span>}
                  {r.reason && <span className="block text-stone-600">{r.reason}</span>}
                  {r.notices.map((notice) => (
                    <span key={notice} className="block text-amber-900">
                      {notice}
                    </span>
                  ))}
                  {r.status === "orphaned" && (
                    <span className="block text-stone-600">{r.stored ? "Kept as an orphaned highlight: the reader lists it to place by hand." : "Left out."}</span>
                  )}
                </td>
                <td className="hidden px-2 py-1.5 [overflow-wrap:anywhere] sm:table-cell">{r.article?.title ?? "—"}</td>
                <td className="hidden px-2 py-1.5 [overflow-wrap:anywhere] md:table-cell">{r.creator ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.rows.length > SHOWN && <p className="mt-1 text-stone-600">The first {SHOWN} of {report.rows.length.toLocaleString("en")} are listed.</p>}
      {report.skipped.length > 0 && <SkippedLines skipped={report.skipped} />}
      {report.skippedResults.length > 0 && <SkippedResults skipped={report.skippedResults} />}
    </div>
  );
}

/** JSON Lines lines left out: named by line number so the file can be fixed; the rest imports. */
function SkippedLines({ skipped }: { skipped: ImportReport["skipped"] }) {
  return (
    <Alert tone="info">
      <p>
        {skipped.length.toLocaleString("en")} {skipped.length === 1 ? "line is" : "lines are"} left out; the other lines can be imported:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {skipped.slice(0, SHOWN).map((s) => (
          <li key={s.line} className="[overflow-wrap:anywhere]">
            line {s.line}: {s.reason}
          </li>
        ))}
      </ul>
      {skipped.length > SHOWN && <p className="mt-1">The first {SHOWN} are listed.</p>}
    </Alert>
  );
}

/** Label Studio results left out (no value, a bad field): named by task and result so the file can be fixed; the rest imports. */
function SkippedResults({ skipped }: { skipped: ImportReport["skippedResults"] }) {
  return (
    <Alert tone="info">
      <p>
        {skipped.length.toLocaleString("en")} {skipped.length === 1 ? "result is" : "results are"} left out; the other results can be imported:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {skipped.slice(0, SHOWN).map((s) => (
          <li key={s.field} className="[overflow-wrap:anywhere]">
            {describeResult(s)}: {s.reason}
          </li>
        ))}
      </ul>
      {skipped.length > SHOWN && <p className="mt-1">The first {SHOWN} are listed.</p>}
    </Alert>
  );
}
