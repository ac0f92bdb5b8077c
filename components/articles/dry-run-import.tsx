"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import type { CodeParams, FieldCodes } from "@/lib/http/error-codes";
import { ImportProblem } from "./import-problem";

/** What a dry run or an import answered: the data, or the server's sentence and the fields it names (with their codes, for the reader's language). */
export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; fields: Record<string, string>; code?: string; codeParams?: CodeParams; fieldCodes?: FieldCodes };

type State<P, D> =
  | { kind: "idle" }
  | { kind: "busy"; what: string }
  | { kind: "planned"; file: File; plan: P }
  | { kind: "done"; result: D }
  | { kind: "failed"; message: string; fields: Record<string, string> };

export interface DryRunImportProps<P, D> {
  /** Names the section's heading and the problem's element: `${id}-heading`, `${id}-file-problem`. */
  id: string;
  title: string;
  description: ReactNode;
  fileLabel: string;
  accept: string;
  maxBytes: number;
  /** The sentence for a file over maxBytes. */
  tooLarge: (file: File) => string;
  /** Controls beside the file control (e.g. which article to place on). */
  controls?: (busy: boolean) => ReactNode;
  checking: (file: File) => string;
  /** The dry run. */
  check: (file: File) => Promise<Outcome<P>>;
  /** The import, once the dry run's plan was shown. */
  apply: (file: File, plan: P) => Promise<Outcome<D>>;
  renderPlan: (plan: P, file: File) => ReactNode;
  importLabel: (plan: P) => string;
  canImport?: (plan: P) => boolean;
  renderDone: (result: D) => ReactNode;
}

/**
 * The file → dry run → Import shell shared by the annotation and bundle
 * imports: choose a file; the server's report of what would be written;
 * Import or Cancel; the result. A refused file's reason shows under the
 * file control, which names it (aria-describedby).
 */
export function DryRunImport<P, D>(props: DryRunImportProps<P, D>) {
  const router = useRouter();
  const t = useTranslations("articles.dryRun");
  const localize = useApiErrors();
  const [state, setState] = useState<State<P, D>>({ kind: "idle" });
  const failed = (r: Extract<Outcome<unknown>, { ok: false }>): State<P, D> => {
    const shown = localize({ message: r.message, fields: r.fields, code: r.code, codeParams: r.codeParams, fieldCodes: r.fieldCodes, status: 0, body: {} });
    return { kind: "failed", message: shown.message, fields: shown.fields };
  };
  const busy = state.kind === "busy";
  const problemId = `${props.id}-file-problem`;

  async function check(file: File) {
    if (file.size > props.maxBytes) return setState({ kind: "failed", message: props.tooLarge(file), fields: {} });
    setState({ kind: "busy", what: props.checking(file) });
    const r = await props.check(file);
    setState(r.ok ? { kind: "planned", file, plan: r.data } : failed(r));
  }

  async function apply(file: File, plan: P) {
    setState({ kind: "busy", what: t("importing") });
    const r = await props.apply(file, plan);
    if (!r.ok) return setState(failed(r));
    setState({ kind: "done", result: r.data });
    router.refresh();
  }

  const fileControl = (
    <label className="block space-y-1.5 text-sm">
      <span className="block font-medium text-stone-800">{props.fileLabel}</span>
      <input
        type="file"
        accept={props.accept}
        className="max-w-full"
        disabled={busy}
        aria-invalid={state.kind === "failed" ? true : undefined}
        aria-describedby={state.kind === "failed" ? problemId : undefined}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void check(file);
          e.target.value = "";
        }}
      />
    </label>
  );

  return (
    <section aria-labelledby={`${props.id}-heading`} className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h3 id={`${props.id}-heading`} className="font-semibold">
        {props.title}
      </h3>
      <div className="mt-1 text-sm text-stone-600">{props.description}</div>
      {props.controls ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {props.controls(busy)}
          {fileControl}
        </div>
      ) : (
        <div className="mt-3">{fileControl}</div>
      )}
      {state.kind === "failed" && (
        <div className="mt-2">
          <ImportProblem id={problemId} message={state.message} fields={state.fields} />
        </div>
      )}
      <div className="mt-4 space-y-3 text-sm" aria-live="polite">
        {state.kind === "busy" && <p>{state.what}</p>}
        {state.kind === "planned" && props.renderPlan(state.plan, state.file)}
        {state.kind === "planned" && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void apply(state.file, state.plan)} disabled={props.canImport ? !props.canImport(state.plan) : false}>
              {props.importLabel(state.plan)}
            </Button>
            <Button variant="secondary" onClick={() => setState({ kind: "idle" })}>
              {t("cancel")}
            </Button>
          </div>
        )}
        {state.kind === "done" && props.renderDone(state.result)}
      </div>
    </section>
  );
}
