"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

interface ImportResult {
  status: "created" | "duplicate";
  article: { id: string; title: string };
}

export function PasteArticleForm({ slug }: { slug: string }) {
  const router = useRouter();
  const t = useTranslations("articles.paste");
  const f = useTranslations("articles.fields");
  const localize = useApiErrors();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<ImportResult["article"] | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (k: string) => String(form.get(k) ?? "").trim();
    const body = {
      content: String(form.get("content") ?? ""),
      format: get("format"),
      title: get("title") || undefined,
      publisher: get("publisher") || undefined,
      author: get("author") || undefined,
      url: get("url") || undefined,
      publishedAt: get("publishedAt") || undefined,
      language: get("language") || undefined,
      tags: get("tags") ? get("tags").split(",").map((t) => t.trim()).filter(Boolean) : undefined,
    };
    setFields({});
    setError(null);
    setDuplicate(null);
    if (!body.content.trim()) {
      setFields({ content: t("contentMissing") });
      return;
    }
    setPending(true);
    const res = await apiSend<ImportResult>("POST", `/api/w/${slug}/articles`, body);
    setPending(false);
    if (!res.ok) {
      const error = localize(res.error);
      setFields(error.fields);
      if (!Object.keys(error.fields).length) setError(error.message);
      return;
    }
    if (res.data.status === "duplicate") {
      setDuplicate(res.data.article);
      return;
    }
    router.push(`/w/${slug}/articles/${res.data.article.id}`);
  }

  return (
    <section aria-labelledby="paste-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h3 id="paste-heading" className="font-semibold">
        {t("title")}
      </h3>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        {error ? <Alert>{error}</Alert> : null}
        {duplicate ? (
          <Alert tone="info">
            {t.rich("duplicate", {
              link: () => (
                <Link href={`/w/${slug}/articles/${duplicate.id}`} className="font-medium underline">
                  {duplicate.title}
                </Link>
              ),
            })}
          </Alert>
        ) : null}
        <TextField label={f("title")} name="title" hint={t("titleHint")} error={fields.title} />
        <div className="space-y-1.5">
          <label htmlFor="paste-content" className="block text-sm font-medium text-stone-800">
            {t("text")}
          </label>
          <textarea
            id="paste-content"
            name="content"
            rows={10}
            required
            aria-invalid={fields.content ? true : undefined}
            aria-describedby={fields.content ? "paste-content-error" : undefined}
            className="block w-full rounded-md bg-white px-3 py-2 font-serif text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:ring-red-500"
            placeholder={t("textPlaceholder")}
          />
          {fields.content ? (
            <p id="paste-content-error" role="alert" className="text-sm text-red-700">
              {fields.content}
            </p>
          ) : null}
        </div>
        <SelectField label={t("format")} name="format" defaultValue="text">
          <option value="text">{t("plainText")}</option>
          <option value="markdown">Markdown</option>
          <option value="html">HTML</option>
        </SelectField>
        <details className="rounded-lg bg-stone-50 p-3">
          <summary className="cursor-pointer text-sm font-medium text-stone-800">{t("sourceDetails")}</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <TextField label={f("publisher")} name="publisher" error={fields.publisher} />
            <TextField label={f("author")} name="author" error={fields.author} />
            <TextField label={f("url")} name="url" type="url" placeholder="https://" error={fields.url} />
            <TextField label={f("published")} name="publishedAt" type="date" error={fields.publishedAt} />
            <TextField label={f("language")} name="language" placeholder="en" error={fields.language} hint={t("languageHint")} />
            <TextField label={f("tags")} name="tags" hint={f("tagsHint")} error={fields.tags} />
          </div>
        </details>
        <Button type="submit" disabled={pending}>
          {pending ? t("adding") : t("submit")}
        </Button>
      </form>
    </section>
  );
}
