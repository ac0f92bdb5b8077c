"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { checkFileDetails, EMPTY_FILE_DETAILS, type FileDetails } from "@/lib/articles/file-details";
import { decodeTextFile, type TextEncodingName } from "@/lib/articles/import/decode-text-file";
import { FileDetailsFields } from "./file-details-fields";

type Status = { kind: "ready" } | { kind: "uploading" } | { kind: "created" | "duplicate"; id: string; title: string; encoding: TextEncodingName | null } | { kind: "failed"; reason: string };

interface Item {
  key: string;
  file: File;
  status: Status;
  details: FileDetails;
  errors: Partial<Record<keyof FileDetails, string>>;
  /** Whether its details are shown (they open by themselves on an error). */
  open: boolean;
}

const ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,.docx";
const MAX_BYTES = 5 * 1024 * 1024;
/** How an encoding is named to people (the names their editors use). */
const ENCODING_NAMES: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
  "windows-1251": "Windows-1251",
  "koi8-u": "KOI8",
  ibm866: "DOS (CP866)",
  "x-mac-cyrillic": "Mac Cyrillic",
  "windows-1252": "Windows-1252",
};
const DETAIL_FIELDS = new Set<string>(["title", "publisher", "url", "publishedAt"]);

/** PDF and Word files travel to the API as base64 (the import takes JSON). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Chosen files wait in a list where each can be given its own title,
 * publisher, URL and date; Import then uploads each on its own request, so
 * every file shows its own progress and one bad file stops nothing. Details
 * are checked for every file before the first is sent.
 */
export function FileImport({ slug }: { slug: string }) {
  const router = useRouter();
  const t = useTranslations("articles.files");
  const localize = useApiErrors();
  const list = useRef<HTMLUListElement>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  function patch(key: string, change: Partial<Item>) {
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));
  }

  function add(files: File[]) {
    if (!files.length) return;
    const stamp = Date.now();
    const added = files.map((file, n): Item => ({ key: `${stamp}-${n}-${file.name}`, file, status: { kind: "ready" }, details: EMPTY_FILE_DETAILS, errors: {}, open: false }));
    setItems((all) => [...all, ...added]);
    setNotice(null);
  }

  /** Shows each ready file's invalid details at their fields and focuses the first; true when all are fine. */
  function checkAll(ready: Item[]): Map<string, Partial<FileDetails>> | null {
    const fields = new Map<string, Partial<FileDetails>>();
    let firstBad: string | null = null;
    for (const item of ready) {
      const checked = checkFileDetails(item.details);
      if (checked.ok) {
        fields.set(item.key, checked.fields);
        patch(item.key, { errors: {} });
      } else {
        patch(item.key, { errors: localize({ message: "", fields: checked.errors, fieldCodes: checked.codes, status: 400, body: {} }).fields, open: true });
        firstBad ??= `${item.key}-${Object.keys(checked.errors)[0]}`;
      }
    }
    if (!firstBad) return fields;
    setNotice(t("fixDetails"));
    const id = firstBad;
    window.requestAnimationFrame(() => document.getElementById(id)?.focus());
    return null;
  }

  async function importReady() {
    const ready = items.filter((i) => i.status.kind === "ready");
    const fields = checkAll(ready);
    if (!fields || !ready.length) return;
    setBusy(true);
    setNotice(null);
    for (const item of ready) {
      patch(item.key, { status: { kind: "uploading" } });
      if (item.file.size > MAX_BYTES) {
        patch(item.key, { status: { kind: "failed", reason: t("tooLarge") } });
        continue;
      }
      // Text files are decoded here, from their bytes: File.text() reads only UTF-8 and would send a
      // Windows-1251 file as a wall of U+FFFD (lib/articles/import/decode-text-file.ts).
      const binary = /\.(pdf|docx)$/i.test(item.file.name);
      const decoded = binary ? null : decodeTextFile(new Uint8Array(await item.file.arrayBuffer()));
      const content = decoded ? decoded.text : await base64Of(item.file);
      const res = await apiSend<{ status: "created" | "duplicate"; article: { id: string; title: string } }>("POST", `/api/w/${slug}/articles`, {
        filename: item.file.name,
        content,
        ...fields.get(item.key),
      });
      if (res.ok) {
        const encoding = decoded && decoded.encoding !== "utf-8" ? decoded.encoding : null;
        patch(item.key, { status: { kind: res.data.status, id: res.data.article.id, title: res.data.article.title, encoding }, errors: {} });
        continue;
      }
      const error = localize(res.error);
      const detailErrors = Object.fromEntries(Object.entries(error.fields).filter(([k]) => DETAIL_FIELDS.has(k)));
      // A detail the server refused can be corrected and imported again; a file it can't read can't.
      if (Object.keys(detailErrors).length) patch(item.key, { status: { kind: "ready" }, errors: detailErrors, open: true });
      else patch(item.key, { status: { kind: "failed", reason: Object.values(error.fields)[0] ?? error.message } });
    }
    setBusy(false);
    router.refresh();
  }

  const ready = items.filter((i) => i.status.kind === "ready").length;
  const done = items.filter((i) => i.status.kind === "created").length;
  const failed = items.filter((i) => i.status.kind === "failed").length;
  const status = notice ?? (ready && !busy ? t("ready", { count: ready }) : items.length ? (failed ? t("progressFailed", { done, failed, total: items.length }) : t("progress", { done, total: items.length })) : "");
  return (
    <section aria-labelledby="upload-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h3 id="upload-heading" className="font-semibold">
        {t("title")}
      </h3>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add(Array.from(e.dataTransfer.files));
        }}
        className={`mt-4 rounded-lg border-2 border-dashed px-4 py-8 text-center ${dragging ? "border-brand-600 bg-brand-50" : "border-stone-300"}`}
      >
        <p className="text-sm text-stone-600">{t("drop")}</p>
        <label htmlFor="article-files" className="mt-2 inline-block cursor-pointer rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-stone-300 focus-within:ring-2 focus-within:ring-brand-600 hover:bg-stone-50">
          {t("choose")}
          <input
            id="article-files"
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            onChange={(e) => {
              add(Array.from(e.target.files ?? []));
              e.target.value = "";
            }}
          />
        </label>
        <p className="mt-2 text-xs text-stone-500">{t("accepts")}</p>
      </div>
      <p className={`mt-4 text-sm empty:mt-0 ${notice ? "text-red-700" : "text-stone-700"}`} role="status">
        {status}
      </p>
      {items.length ? (
        <>
          <ul ref={list} className="mt-2 divide-y divide-stone-100 text-sm" aria-label={t("uploads")}>
            {items.map((i) => (
              <li key={i.key} className="py-2.5">
                <div className="flex items-start justify-between gap-3">
                  {/* Full names, wrapped: long ones differ only at the end more often than not. */}
                  <span className="min-w-0 font-medium [overflow-wrap:anywhere]">{i.file.name}</span>
                  <span className="shrink-0 text-right">
                    {i.status.kind === "ready" ? (
                      <button type="button" disabled={busy} onClick={() => setItems((all) => all.filter((x) => x.key !== i.key))} className="rounded px-1.5 py-0.5 text-stone-600 hover:bg-stone-100" aria-label={t("removeNamed", { name: i.file.name })}>
                        {t("remove")}
                      </button>
                    ) : null}
                    {i.status.kind === "uploading" ? <span className="text-stone-500">{t("uploading")}</span> : null}
                    {i.status.kind === "created" ? (
                      <Link href={`/w/${slug}/articles/${i.status.id}`} className="text-emerald-700 hover:underline">
                        {t("added")}
                      </Link>
                    ) : null}
                    {i.status.kind === "duplicate" ? (
                      <Link href={`/w/${slug}/articles/${i.status.id}`} className="text-amber-700 hover:underline">
                        {t("alreadyHere")}
                      </Link>
                    ) : null}
                  </span>
                </div>
                {/* Below the name, full width: a long reason beside it squeezed the name to a letter a line and ran off the page. */}
                {i.status.kind === "failed" ? <p className="mt-1 text-red-700 [overflow-wrap:anywhere]">{t("failed", { reason: i.status.reason })}</p> : null}
                {i.status.kind === "created" || i.status.kind === "duplicate" ? (
                  <p className="mt-1 text-stone-600">
                    <span className="font-serif text-stone-900 [overflow-wrap:anywhere]">{i.status.title}</span>{" "}
                    <Link href={`/w/${slug}/articles/${i.status.id}/edit`} className="whitespace-nowrap text-brand-700 hover:underline" aria-label={t("editDetailsOf", { title: i.status.title })}>
                      {t("editDetails")}
                    </Link>
                    {i.status.encoding ? <span className="block text-xs text-stone-500">{t("readAs", { encoding: ENCODING_NAMES[i.status.encoding] })}</span> : null}
                  </p>
                ) : null}
                {i.status.kind === "ready" ? (
                  <FileDetailsFields
                    idPrefix={i.key}
                    fileName={i.file.name}
                    details={i.details}
                    errors={i.errors}
                    open={i.open}
                    disabled={busy}
                    onToggle={(open) => patch(i.key, { open })}
                    onChange={(details) => patch(i.key, { details })}
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {ready ? (
            <Button type="button" className="mt-3" disabled={busy} onClick={() => void importReady()}>
              {busy ? t("importing") : t("import", { count: ready })}
            </Button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
