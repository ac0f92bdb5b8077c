"use client";

import { useTranslations } from "next-intl";
import type { ChangeEvent } from "react";
import { TextField } from "@/components/ui/field";
import type { FileDetails } from "@/lib/articles/file-details";

interface Props {
  /** Unique per file: the fields' ids are `${idPrefix}-${field}` (the import focuses the first invalid one by it). */
  idPrefix: string;
  fileName: string;
  details: FileDetails;
  errors: Partial<Record<keyof FileDetails, string>>;
  open: boolean;
  disabled: boolean;
  onToggle(open: boolean): void;
  onChange(details: FileDetails): void;
}

/** One waiting file's optional details, folded away until wanted (or until one is wrong). */
export function FileDetailsFields({ idPrefix, fileName, details, errors, open, disabled, onToggle, onChange }: Props) {
  const field = (name: keyof FileDetails) => ({
    id: `${idPrefix}-${name}`,
    name,
    value: details[name],
    error: errors[name],
    disabled,
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...details, [name]: e.target.value }),
  });
  const given = Object.values(details).filter((v) => v.trim()).length;
  const t = useTranslations("articles.fileDetails");
  const tf = useTranslations("articles.fields");
  return (
    <details open={open} onToggle={(e) => onToggle(e.currentTarget.open)} className="mt-1.5 rounded-lg bg-stone-50 px-3 py-2">
      <summary className="cursor-pointer text-stone-700">
        {t("summary")} <span className="text-stone-500">{given ? t("given", { count: given }) : t("optional")}</span>
      </summary>
      <fieldset className="mt-2 grid gap-3 sm:grid-cols-2">
        <legend className="sr-only">{t("legend", { name: fileName })}</legend>
        <div className="sm:col-span-2">
          <TextField label={tf("title")} placeholder={t("fromFile")} {...field("title")} />
        </div>
        <TextField label={tf("publisher")} {...field("publisher")} />
        <TextField label={tf("published")} type="date" {...field("publishedAt")} />
        <div className="sm:col-span-2">
          <TextField label={tf("url")} type="url" inputMode="url" placeholder="https://" {...field("url")} />
        </div>
      </fieldset>
    </details>
  );
}
