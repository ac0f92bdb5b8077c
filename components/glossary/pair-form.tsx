"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export interface PairValues {
  language: "ru" | "uk";
  term: string;
  english: string;
}

type Failure = { message: string; fields: Record<string, string> } | null;

/** Language, term and English counterpart, for adding and editing a pair; `submit` answers field errors or null. */
export function PairForm({
  idPrefix,
  initial,
  submitLabel,
  submit,
  onCancel,
}: {
  idPrefix: string;
  initial: PairValues;
  submitLabel: string;
  submit: (v: PairValues) => Promise<Failure>;
  onCancel?: () => void;
}) {
  const t = useTranslations("glossary.form");
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Failure>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const failed = await submit(values);
    setPending(false);
    setError(failed);
    if (!failed && !onCancel) setValues({ ...values, term: "", english: "" });
  }

  const fields = error?.fields ?? {};
  return (
    <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-[10rem_1fr_1fr] sm:items-start" noValidate aria-label={onCancel ? t("editLabel") : submitLabel}>
      <SelectField id={`${idPrefix}-language`} label={t("language")} value={values.language} onChange={(e) => setValues({ ...values, language: e.target.value as PairValues["language"] })} error={fields.language}>
        <option value="ru">{t("ru")}</option>
        <option value="uk">{t("uk")}</option>
      </SelectField>
      <TextField id={`${idPrefix}-term`} label={t("term")} value={values.term} onChange={(e) => setValues({ ...values, term: e.target.value })} error={fields.term} maxLength={120} lang={values.language} />
      <TextField id={`${idPrefix}-english`} label={t("english")} value={values.english} onChange={(e) => setValues({ ...values, english: e.target.value })} error={fields.english} maxLength={120} lang="en" />
      {error && !fields.language && !fields.term && !fields.english ? (
        <div className="sm:col-span-3">
          <Alert>{error.message}</Alert>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2 sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
