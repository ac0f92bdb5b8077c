"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { SelectField } from "@/components/ui/field";
import { DryRunImport, type Outcome } from "./dry-run-import";
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

/** The dry run's report, with what the import sends again. */
interface Planned {
  content: string;
  articleId: string;
  report: ImportReport;
}

async function send(slug: string, content: string, articleId: string, dryRun: boolean): Promise<Outcome<ImportReport>> {
  const r = await apiSend<ImportReport>("POST", `/api/w/${encodeURIComponent(slug)}/annotation-imports?dryRun=${dryRun}`, { content, ...(articleId ? { articleId } : {}) });
  return r.ok ? r : { ok: false, message: r.error.message, fields: r.error.fields };
}

/**
 * Another tool's annotations (W3C, Hypothesis, Label Studio, doccano): choose
 * a file → the dry run's report, span by span → Import.
 */
export function AnnotationImport({ slug, articles }: { slug: string; articles: { id: string; title: string }[] }) {
  const [articleId, setArticleId] = useState("");
  return (
    <DryRunImport<Planned, ImportReport>
      id="annotations"
      title="Import annotations from other tools"
      description={
        <>
          W3C Web Annotations (a Claimtrail export too), Hypothesis (API JSON), Label Studio (JSON tasks) or doccano (JSONL). Each span becomes a highlight placed by its
          quote, even where the text differs a little; you see where each one lands before anything is written. Label Studio and doccano texts become articles; a
          label named <q>Claim</q> makes a claim, other labels become tags.
        </>
      }
      fileLabel="Annotation file"
      accept=".json,.jsonl,.jsonld,application/json,application/ld+json"
      maxBytes={MAX_CONTENT_BYTES}
      tooLarge={(file) => `"${file.name}" is larger than ${MAX_CONTENT_BYTES / 1024 / 1024} MB.`}
      controls={(busy) => (
        <SelectField label="Place them on" value={articleId} onChange={(e) => setArticleId(e.target.value)} disabled={busy}>
          <option value="">The article the file names (by address or text)</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
      )}
      checking={(file) => `Checking "${file.name}"…`}
      check={async (file) => {
        const content = await file.text();
        const r = await send(slug, content, articleId, true);
        return r.ok ? { ok: true, data: { content, articleId, report: r.data } } : r;
      }}
      apply={(_file, planned) => send(slug, planned.content, planned.articleId, false)}
      renderPlan={(planned, file) => <Report report={planned.report} name={file.name} />}
      importLabel={(planned) => `Import ${highlights(storedCount(planned.report))}`}
      canImport={(planned) => storedCount(planned.report) > 0}
      renderDone={(report) => (
        <Alert tone="success">
          Imported {highlights(report.counts.placed + report.counts.moved)} from {report.toolName}
          {report.claims > 0 && ` and ${report.claims.toLocaleString("en")} ${report.claims === 1 ? "claim" : "claims"}`}.
          {keptOrphans(report) > 0 && ` ${keptOrphans(report).toLocaleString("en")} orphaned ${keptOrphans(report) === 1 ? "highlight was" : "highlights were"} kept to place by hand.`}{" "}
          {report.articles
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
    />
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
      {report.skipped.length > 0 && (
        <LeftOut items={report.skipped.map((s) => ({ key: `line ${s.line}`, place: `line ${s.line}`, reason: s.reason }))} one="line is" many="lines are" rest="lines" />
      )}
      {report.skippedResults.length > 0 && (
        <LeftOut items={report.skippedResults.map((s) => ({ key: s.field, place: describeResult(s), reason: s.reason }))} one="result is" many="results are" rest="results" />
      )}
      {report.skippedTasks.length > 0 && (
        <LeftOut items={report.skippedTasks.map((s) => ({ key: s.field, place: `task ${s.task}`, reason: s.reason }))} one="task is" many="tasks are" rest="tasks" />
      )}
    </div>
  );
}

/**
 * What the file holds that is left out while the rest imports: JSON Lines lines (by line number)
 * and Label Studio results (by task and result), named so the file can be fixed.
 */
function LeftOut({ items, one, many, rest }: { items: { key: string; place: string; reason: string }[]; one: string; many: string; rest: string }) {
  return (
    <Alert tone="info">
      <p>
        {items.length.toLocaleString("en")} {items.length === 1 ? one : many} left out; the other {rest} can be imported:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {items.slice(0, SHOWN).map((s) => (
          <li key={s.key} className="[overflow-wrap:anywhere]">
            {s.place}: {s.reason}
          </li>
        ))}
      </ul>
      {items.length > SHOWN && <p className="mt-1">The first {SHOWN} are listed.</p>}
    </Alert>
  );
}
