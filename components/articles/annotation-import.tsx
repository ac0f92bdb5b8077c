"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useCodedText } from "@/components/ui/api-errors";
import { SelectField } from "@/components/ui/field";
import { DryRunImport, type Outcome } from "./dry-run-import";
import type { ImportReport, SpanOutcome } from "@/lib/annotation-import/import-annotations";
import { MAX_CONTENT_BYTES } from "@/lib/annotation-import/limits";

/** Rows shown in the report; the counts above it cover them all. */
const SHOWN = 200;

const STATUS_STYLE: Record<SpanOutcome, string> = {
  placed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  moved: "bg-amber-50 text-amber-900 ring-amber-200",
  orphaned: "bg-red-50 text-red-800 ring-red-200",
  duplicate: "bg-stone-100 text-stone-700 ring-stone-200",
};

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
  return r.ok ? r : { ok: false, message: r.error.message, fields: r.error.fields, code: r.error.code, codeParams: r.error.codeParams, fieldCodes: r.error.fieldCodes };
}

/**
 * Another tool's annotations (W3C, Hypothesis, Label Studio, doccano): choose
 * a file → the dry run's report, span by span → Import.
 */
export function AnnotationImport({ slug, articles }: { slug: string; articles: { id: string; title: string }[] }) {
  const [articleId, setArticleId] = useState("");
  const t = useTranslations("articles.annotations");
  return (
    <DryRunImport<Planned, ImportReport>
      id="annotations"
      title={t("title")}
      description={t.rich("description", { q: (chunks) => <q>{chunks}</q> })}
      fileLabel={t("fileLabel")}
      accept=".json,.jsonl,.jsonld,application/json,application/ld+json"
      maxBytes={MAX_CONTENT_BYTES}
      tooLarge={(file) => t("tooLarge", { name: file.name, mb: MAX_CONTENT_BYTES / 1024 / 1024 })}
      controls={(busy) => (
        <SelectField label={t("placeOn")} value={articleId} onChange={(e) => setArticleId(e.target.value)} disabled={busy}>
          <option value="">{t("namedArticle")}</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
      )}
      checking={(file) => t("checking", { name: file.name })}
      check={async (file) => {
        const content = await file.text();
        const r = await send(slug, content, articleId, true);
        return r.ok ? { ok: true, data: { content, articleId, report: r.data } } : r;
      }}
      apply={(_file, planned) => send(slug, planned.content, planned.articleId, false)}
      renderPlan={(planned, file) => <Report report={planned.report} name={file.name} />}
      importLabel={(planned) => t("import", { count: storedCount(planned.report) })}
      canImport={(planned) => storedCount(planned.report) > 0}
      renderDone={(report) => (
        <Alert tone="success">
          {t("done", { count: report.counts.placed + report.counts.moved, tool: report.toolName, claims: report.claims })}
          {keptOrphans(report) > 0 && ` ${t("doneOrphans", { count: keptOrphans(report) })}`}{" "}
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
  const t = useTranslations("articles.annotations");
  // Reasons and notices by their codes, in the reader's language.
  const say = useCodedText();
  return (
    <div>
      <h4 className="font-medium">{t.rich("reportHeading", { tool: report.toolName, name, file: (chunks) => <span className="break-all">{chunks}</span> })}</h4>
      <p className="mt-1">
        {t("summary", { placed: counts.placed, moved: counts.moved, orphaned: counts.orphaned, duplicate: counts.duplicate })}
        {kept > 0 && ` ${t("keptOrphans", { count: kept })}`}
        {counts.orphaned - kept > 0 && ` ${t("droppedOrphans", { count: counts.orphaned - kept })}`}
        {counts.duplicate > 0 && ` ${t("duplicatesLeftOut")}`}
        {report.articles.some((a) => a.status === "new") && ` ${t("newArticles", { titles: report.articles.filter((a) => a.status === "new").map((a) => a.title).join(", ") })}`}
        {report.claims > 0 && ` ${t("newClaims", { count: report.claims })}`}
      </p>
      <div className="mt-2 max-h-96 overflow-auto rounded-md ring-1 ring-stone-200" tabIndex={0} role="region" aria-label={t("tableLabel")}>
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-stone-50 text-stone-700">
            <tr>
              <th scope="col" className="px-2 py-1.5">
                #
              </th>
              <th scope="col" className="px-2 py-1.5">
                {t("colResult")}
              </th>
              <th scope="col" className="px-2 py-1.5">
                {t("colQuote")}
              </th>
              <th scope="col" className="hidden px-2 py-1.5 sm:table-cell">
                {t("colArticle")}
              </th>
              <th scope="col" className="hidden px-2 py-1.5 md:table-cell">
                {t("colBy")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.n} className="border-t border-stone-100 align-top">
                <td className="px-2 py-1.5 tabular-nums">{r.n}</td>
                <td className="px-2 py-1.5">
                  <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ${STATUS_STYLE[r.status]}`}>{t(`status.${r.status}`)}</span>
                </td>
                <td className="px-2 py-1.5 [overflow-wrap:anywhere]">
                  <q dir="auto">{r.quote || "—"}</q>
                  {r.claim && <span className="block text-stone-600">{t("claim", { claim: r.claim })}</span>}
                  {r.tags.length > 0 && <span className="block text-stone-600">{t("tags", { tags: r.tags.join(", ") })}</span>}
                  {r.reason && <span className="block text-stone-600">{say(r.reason, r.reasonCode)}</span>}
                  {r.notices.map((notice, i) => (
                    <span key={notice} className="block text-amber-900">
                      {say(notice, r.noticeCodes?.[i])}
                    </span>
                  ))}
                  {r.status === "orphaned" && (
                    <span className="block text-stone-600">{r.stored ? t("keptOne") : t("leftOutOne")}</span>
                  )}
                </td>
                <td className="hidden px-2 py-1.5 [overflow-wrap:anywhere] sm:table-cell">{r.article?.title ?? "—"}</td>
                <td className="hidden px-2 py-1.5 [overflow-wrap:anywhere] md:table-cell">{r.creator ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.rows.length > SHOWN && <p className="mt-1 text-stone-600">{t("firstOf", { shown: SHOWN, total: report.rows.length })}</p>}
      {report.skipped.length > 0 && <LeftOut items={report.skipped.map((s) => ({ key: `line ${s.line}`, place: t("placeLine", { line: s.line }), reason: say(s.reason, s) }))} kind="line" />}
      {report.skippedResults.length > 0 && (
        <LeftOut
          items={report.skippedResults.map((s) => ({
            key: s.field,
            place: s.annotation > 1 ? t("placeResultIn", { task: s.task, annotation: s.annotation, result: s.result }) : t("placeResult", { task: s.task, result: s.result }),
            reason: say(s.reason, s),
          }))}
          kind="result"
        />
      )}
      {report.skippedTasks.length > 0 && <LeftOut items={report.skippedTasks.map((s) => ({ key: s.field, place: t("placeTask", { task: s.task }), reason: say(s.reason, s) }))} kind="task" />}
    </div>
  );
}

/**
 * What the file holds that is left out while the rest imports: JSON Lines lines (by line number)
 * and Label Studio results (by task and result), named so the file can be fixed.
 */
function LeftOut({ items, kind }: { items: { key: string; place: string; reason: string }[]; kind: "line" | "result" | "task" }) {
  const t = useTranslations("articles.annotations");
  return (
    <Alert tone="info">
      <p>{t(`leftOut.${kind}`, { count: items.length })}</p>
      <ul className="mt-1 list-disc pl-5">
        {items.slice(0, SHOWN).map((s) => (
          <li key={s.key} className="[overflow-wrap:anywhere]">
            {s.place}: {s.reason}
          </li>
        ))}
      </ul>
      {items.length > SHOWN && <p className="mt-1">{t("firstListed", { shown: SHOWN })}</p>}
    </Alert>
  );
}
