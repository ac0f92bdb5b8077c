"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { articleExtensions } from "@/components/reader/schema-extensions";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { TextField } from "@/components/ui/field";
import type { DocNode } from "@/lib/articles/document";

interface Metadata {
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  tags: string[];
  /** Pages imported by URL: the page's canonical address, the address given, the day it was last updated. */
  canonicalUrl: string | null;
  originalUrl: string | null;
  modifiedAt: string | null;
}

function ToolButton({ editor, label, active, run }: { editor: Editor; label: string; active: boolean; run: (e: Editor) => void }) {
  return (
    // The editor keeps focus (see the claim editor's toolbar): a toggled format isn't dropped on refocus.
    <button type="button" aria-pressed={active} onMouseDown={(e) => e.preventDefault()} onClick={() => run(editor)} className={`rounded px-2 py-1 text-sm ${active ? "bg-stone-800 text-white" : "hover:bg-stone-100"}`}>
      {label}
    </button>
  );
}

/** Edits the body and details; saving makes a new revision and re-anchors every highlight. */
export function ArticleEditor({ slug, articleId, doc, revision, metadata }: { slug: string; articleId: string; doc: DocNode; revision: number; metadata: Metadata }) {
  const router = useRouter();
  const t = useTranslations("articles.editor");
  const tf = useTranslations("articles.fields");
  const localize = useApiErrors();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const editor = useEditor({
    extensions: articleExtensions({ openLinks: false }),
    content: doc,
    immediatelyRender: false,
    // The toolbar shows which formats are on at the caret (aria-pressed): tiptap 3 re-renders on a transaction only when asked to.
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: { class: "ct-article", "aria-label": t("textLabel"), role: "textbox", "aria-multiline": "true" } },
  });
  const back = `/w/${slug}/articles/${articleId}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editor) return;
    const form = new FormData(event.currentTarget);
    const get = (k: string) => String(form.get(k) ?? "").trim();
    setPending(true);
    setError(null);
    setFields({});
    const res = await apiSend<{ revision: number; reanchored: number }>("PUT", `/api/w/${slug}/articles/${articleId}`, {
      baseRevision: revision,
      doc: editor.getJSON(),
      metadata: {
        title: get("title"),
        publisher: get("publisher"),
        author: get("author"),
        url: get("url"),
        publishedAt: get("publishedAt"),
        language: get("language"),
        tags: get("tags") ? get("tags").split(",").map((t) => t.trim()).filter(Boolean) : [],
      },
      source: { canonicalUrl: get("canonicalUrl"), modifiedAt: get("modifiedAt") },
    });
    setPending(false);
    if (!res.ok) {
      const error = localize(res.error);
      const meta = Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^(metadata|source)\./, ""), v]));
      setFields(meta);
      setError(error.message);
      return;
    }
    router.push(back);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div>
        {error ? (
          <div className="mb-4">
            <Alert>{error}</Alert>
          </div>
        ) : null}
        {editor ? (
          <div role="toolbar" aria-label={t("formatting")} className="sticky top-0 z-10 mb-4 flex flex-wrap gap-1 rounded-lg bg-white p-1 ring-1 ring-stone-200">
            <ToolButton editor={editor} label={t("bold")} active={editor.isActive("bold")} run={(e) => e.chain().focus().toggleBold().run()} />
            <ToolButton editor={editor} label={t("italic")} active={editor.isActive("italic")} run={(e) => e.chain().focus().toggleItalic().run()} />
            <ToolButton editor={editor} label={t("heading2")} active={editor.isActive("heading", { level: 2 })} run={(e) => e.chain().focus().toggleHeading({ level: 2 }).run()} />
            <ToolButton editor={editor} label={t("subheading")} active={editor.isActive("heading", { level: 3 })} run={(e) => e.chain().focus().toggleHeading({ level: 3 }).run()} />
            <ToolButton editor={editor} label={t("bullets")} active={editor.isActive("bulletList")} run={(e) => e.chain().focus().toggleBulletList().run()} />
            <ToolButton editor={editor} label={t("numbered")} active={editor.isActive("orderedList")} run={(e) => e.chain().focus().toggleOrderedList().run()} />
            <ToolButton editor={editor} label={t("quote")} active={editor.isActive("blockquote")} run={(e) => e.chain().focus().toggleBlockquote().run()} />
          </div>
        ) : null}
        <div className="ct-editor rounded-lg bg-white p-6 ring-1 ring-stone-200">
          <EditorContent editor={editor} />
        </div>
        {fields.doc ? <p className="mt-2 text-sm text-red-700">{fields.doc}</p> : null}
      </div>
      <aside className="space-y-4">
        <TextField label={tf("title")} name="title" defaultValue={metadata.title} error={fields.title} />
        <TextField label={tf("publisher")} name="publisher" defaultValue={metadata.publisher ?? ""} error={fields.publisher} />
        <TextField label={tf("author")} name="author" defaultValue={metadata.author ?? ""} error={fields.author} />
        <TextField label={tf("url")} name="url" type="url" defaultValue={metadata.url ?? ""} error={fields.url} />
        <TextField label={tf("published")} name="publishedAt" type="date" defaultValue={metadata.publishedAt ?? ""} error={fields.publishedAt} />
        <TextField label={t("updated")} name="modifiedAt" type="date" defaultValue={metadata.modifiedAt ?? ""} error={fields.modifiedAt} hint={t("updatedHint")} />
        <TextField label={t("canonical")} name="canonicalUrl" type="url" defaultValue={metadata.canonicalUrl ?? ""} error={fields.canonicalUrl} hint={t("canonicalHint")} />
        {metadata.originalUrl ? (
          <p className="text-sm text-stone-600">{t.rich("importedFrom", { url: metadata.originalUrl, address: (chunks) => <span className="[overflow-wrap:anywhere]">{chunks}</span> })}</p>
        ) : null}
        <TextField label={tf("language")} name="language" defaultValue={metadata.language ?? ""} error={fields.language} hint={t("languageHint")} />
        <TextField label={tf("tags")} name="tags" defaultValue={metadata.tags.join(", ")} hint={tf("tagsHint")} error={fields.tags} />
        <p className="text-sm text-stone-600">{t("revisionNote", { next: String(revision + 1) })}</p>
        <div className="flex gap-2">
          <Button type="submit" disabled={pending || !editor}>
            {pending ? t("saving") : t("save")}
          </Button>
          <a href={back} className={buttonClass("secondary")}>
            {t("cancel")}
          </a>
        </div>
      </aside>
    </form>
  );
}
