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
}: {
  slug: string;
  name: string;
  ownLabels: VerdictLabelsByLocale;
  builtInLabels: Record<AppLocale, Record<Verdict, string>>;
  uiLocale: AppLocale;
  claimReviewUrlTemplate: string;
  requireSecondApprover: boolean;
}) {
  const t = useTranslations("workspaceSettings");
  const localize = useApiErrors();
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [labelLocale, setLabelLocale] = useState<AppLocale>(uiLocale);
  const [drafts, setDrafts] = useState<LabelDrafts>(() => Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(VERDICTS.map((v) => [v, ownLabels[l]?.[v] ?? ""]))])) as LabelDrafts);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Only the languages changed here are sent, each whole (an emptied field goes back to the built-in
    // name): a teammate saving another language meanwhile keeps their labels.
    const changed = LOCALES.filter((l) => VERDICTS.some((v) => drafts[l][v].trim() !== (ownLabels[l]?.[v] ?? "")));
    const verdictLabels = Object.fromEntries(changed.map((l) => [l, Object.fromEntries(VERDICTS.map((v) => [v, drafts[l][v].trim()]))]));
    setPending(true);
    const res = await apiSend("PATCH", `/api/w/${slug}/settings`, { name: String(form.get("name") ?? ""), verdictLabels, claimReviewUrlTemplate: String(form.get("claimReviewUrlTemplate") ?? ""), requireSecondApprover: form.get("requireSecondApprover") === "on" });
    setPending(false);
    if (!res.ok) {
      // In the reader's language, by the answer's codes (components/ui/api-errors.ts).
      const error = localize(res.error);
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
