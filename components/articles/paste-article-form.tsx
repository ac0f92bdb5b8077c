"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

interface ImportResult {
  status: "created" | "duplicate";
  article: { id: string; title: string };
}

export function PasteArticleForm({ slug }: { slug: string }) {
  const router = useRouter();
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
      setFields({ content: "Paste the article's text." });
      return;
    }
    setPending(true);
    const res = await apiSend<ImportResult>("POST", `/api/w/${slug}/articles`, body);
    setPending(false);
    if (!res.ok) {
      setFields(res.error.fields);
      if (!Object.keys(res.error.fields).length) setError(res.error.message);
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
        Paste an article
      </h3>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        {error ? <Alert>{error}</Alert> : null}
        {duplicate ? (
          <Alert tone="info">
            This text is already in the workspace as{" "}
            <Link href={`/w/${slug}/articles/${duplicate.id}`} className="font-medium underline">
              {duplicate.title}
            </Link>
            .
          </Alert>
        ) : null}
        <TextField label="Title" name="title" hint="Leave empty to use the first line when it reads as a headline." error={fields.title} />
        <div className="space-y-1.5">
          <label htmlFor="paste-content" className="block text-sm font-medium text-stone-800">
            Text
          </label>
          <textarea
            id="paste-content"
            name="content"
            rows={10}
            required
            aria-invalid={fields.content ? true : undefined}
            aria-describedby={fields.content ? "paste-content-error" : undefined}
            className="block w-full rounded-md bg-white px-3 py-2 font-serif text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:ring-red-500"
            placeholder="Paragraphs separated by a blank line"
          />
          {fields.content ? (
            <p id="paste-content-error" role="alert" className="text-sm text-red-700">
              {fields.content}
            </p>
          ) : null}
        </div>
        <SelectField label="Format" name="format" defaultValue="text">
          <option value="text">Plain text</option>
          <option value="markdown">Markdown</option>
          <option value="html">HTML</option>
        </SelectField>
        <details className="rounded-lg bg-stone-50 p-3">
          <summary className="cursor-pointer text-sm font-medium text-stone-800">Source details (optional)</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <TextField label="Publisher" name="publisher" error={fields.publisher} />
            <TextField label="Author" name="author" error={fields.author} />
            <TextField label="URL" name="url" type="url" placeholder="https://" error={fields.url} />
            <TextField label="Published" name="publishedAt" type="date" error={fields.publishedAt} />
            <TextField label="Language" name="language" placeholder="en" error={fields.language} hint="Blank: detected from the text." />
            <TextField label="Tags" name="tags" hint="Separate with commas." error={fields.tags} />
          </div>
        </details>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add article"}
        </Button>
      </form>
    </section>
  );
}
