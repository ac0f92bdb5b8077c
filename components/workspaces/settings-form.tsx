"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { VERDICTS, type Verdict, type VerdictLabelsByLocale } from "@/lib/claims/verdicts";
import { LOCALES, type AppLocale } from "@/lib/i18n/locales";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { VerdictLabelTabs, type LabelDrafts } from "./verdict-label-tabs";

/** Workspace name, the team's own words for each verdict in each language, where fact-checks are published, and who may approve. */
export function SettingsForm({
  slug,
  name,
  ownLabels,
  builtInLabels,
  uiLocale,
  claimReviewUrlTemplate,
  requireSecondApprover,
  liveSeq,
  userId,
}: {
  slug: string;
  name: string;
  ownLabels: VerdictLabelsByLocale;
  builtInLabels: Record<AppLocale, Record<Verdict, string>>;
  uiLocale: AppLocale;
  claimReviewUrlTemplate: string;
  requireSecondApprover: boolean;
  /** The change feed's seq when the page was rendered, and who is looking: a teammate's later label change is announced (X18). */
  liveSeq: number;
  userId: string;
}) {
  const t = useTranslations("workspaceSettings");
  const localize = useApiErrors();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [labelLocale, setLabelLocale] = useState<AppLocale>(uiLocale);
  const [teammateChanged, setTeammateChanged] = useState(false);
  // A teammate's save of the labels while this page is open: said at once, not discovered at Save. Saving a language they
  // changed is refused by the server (verdict_labels_stale), since the labels it started from are not current.
  useLiveChanges({ slug }, liveSeq, (changes) => {
    const labelsChanged = (c: (typeof changes)[number]) => c.kind === "settings.changed" && c.actorId !== userId && c.data.changes.some((x) => x.field === "verdictLabels");
    if (changes.some(labelsChanged)) setTeammateChanged(true);
  });
  const [drafts, setDrafts] = useState<LabelDrafts>(() => Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(VERDICTS.map((v) => [v, ownLabels[l]?.[v] ?? ""]))])) as LabelDrafts);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Only the languages changed here are sent, each whole (an emptied field goes back to the built-in
    // name): a teammate saving another language meanwhile keeps their labels.
    const changed = LOCALES.filter((l) => VERDICTS.some((v) => drafts[l][v].trim() !== (ownLabels[l]?.[v] ?? "")));
    const verdictLabels = Object.fromEntries(changed.map((l) => [l, Object.fromEntries(VERDICTS.map((v) => [v, drafts[l][v].trim()]))]));
    // Each language sent with the labels it was edited from: the server refuses it if a teammate saved that language since.
    const verdictLabelsBase = Object.fromEntries(changed.map((l) => [l, ownLabels[l] ?? {}]));
    setPending(true);
    const res = await apiSend("PATCH", `/api/w/${slug}/settings`, { name: String(form.get("name") ?? ""), verdictLabels, verdictLabelsBase, claimReviewUrlTemplate: String(form.get("claimReviewUrlTemplate") ?? ""), requireSecondApprover: form.get("requireSecondApprover") === "on" });
    setPending(false);
    if (!res.ok) {
      // In the reader's language, by the answer's codes (components/ui/api-errors.ts).
      const error = localize(res.error);
      if (res.error.body.code === "verdict_labels_stale") setTeammateChanged(true);
      setFields(error.fields);
      setNotice({ tone: "error", text: error.message });
      // A refused label in another language: show that language, so the message is next to its field.
      const wrong = LOCALES.find((l) => VERDICTS.some((v) => res.error.fields[`verdictLabels.${l}.${v}`]));
      if (wrong && !VERDICTS.some((v) => res.error.fields[`verdictLabels.${labelLocale}.${v}`])) setLabelLocale(wrong);
      return;
    }
    setFields({});
    setNotice({ tone: "success", text: t("saved") });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      {/* aria-live, present before it speaks, and not role="status": the form's own "Settings saved." is the page's status. */}
      <div aria-live="polite">
        {teammateChanged ? (
          <div data-testid="labels-changed" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            <p>{t("verdictLabels.teammateChanged")}</p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={() => window.location.reload()}>
                {t("verdictLabels.reload")}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setTeammateChanged(false)}>
                {t("verdictLabels.keepEditing")}
              </Button>
            </div>
          </div>
        ) : null}
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <TextField label={t("name")} name="name" defaultValue={name} error={fields.name} />
      <fieldset className="min-w-0 space-y-3">
        <legend className="font-medium">{t("verdictLabels.legend")}</legend>
        <p className="text-sm text-stone-600">{t("verdictLabels.intro")}</p>
        <VerdictLabelTabs
          drafts={drafts}
          builtIn={builtInLabels}
          current={labelLocale}
          errors={fields}
          onSelect={setLabelLocale}
          onChange={(l, v, value) => setDrafts((d) => ({ ...d, [l]: { ...d[l], [v]: value } }))}
        />
      </fieldset>
      <TextField label={t("claimReview.label")} name="claimReviewUrlTemplate" defaultValue={claimReviewUrlTemplate} hint={t("claimReview.hint")} error={fields.claimReviewUrlTemplate} />
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("review.legend")}</legend>
        <div className="flex items-start gap-2">
          <input id="require-second-approver" type="checkbox" name="requireSecondApprover" defaultChecked={requireSecondApprover} aria-describedby="require-second-approver-hint" className="mt-1 size-4 rounded border-stone-300 text-brand-600 focus:ring-2 focus:ring-brand-600" />
          <div>
            <label htmlFor="require-second-approver" className="text-sm font-medium">
              {t("review.secondApprover")}
            </label>
            <p id="require-second-approver-hint" className="text-sm text-stone-600">
              {t("review.secondApproverHint")}
            </p>
            {fields.requireSecondApprover ? <p className="text-sm text-red-700">{fields.requireSecondApprover}</p> : null}
          </div>
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
