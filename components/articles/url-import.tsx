"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { CodeParams } from "@/lib/http/error-codes";

type Metadata = Record<"title" | "publisher" | "author" | "publishedAt" | "modifiedAt" | "language" | "canonicalUrl", string | null>;

type Preview =
  | { url: string; status: "ok"; finalUrl: string; metadata: Metadata; excerpt: string; characters: number; duplicate: { id: string; title: string } | null }
  | { url: string; status: "error"; kind: string; message: string; code?: string; codeParams?: CodeParams };

interface ImportResult {
  status: "created" | "duplicate";
  article: { id: string; title: string };
}

/** Per page after "Import": stored, already there, or the reasons it failed (field → message). */
type Outcome = { kind: "saved"; result: ImportResult } | { kind: "failed"; message: string; fields: Record<string, string> };

/** Each field's label and hint are `articles.fields.<label>` / `articles.url.<hint>`. */
const FIELDS: { name: keyof Metadata | "tags"; label: string; type?: string; hint?: "authorHint" | "languageHint" | "canonicalHint" | "tagsHint" }[] = [
  { name: "title", label: "title" },
  { name: "publisher", label: "publisher" },
  { name: "author", label: "author", hint: "authorHint" },
  { name: "publishedAt", label: "published", type: "date" },
  { name: "modifiedAt", label: "lastModified", type: "date" },
  { name: "language", label: "language", hint: "languageHint" },
  { name: "canonicalUrl", label: "canonicalUrl", type: "url", hint: "canonicalHint" },
  { name: "tags", label: "tags", hint: "tagsHint" },
];

/** A failed page's kind as a catalogue key ("not-found" → "notFound"). */
const errorKey = (kind: string) => kind.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The bookmarklet's code: opens this workspace's Add articles page with the current page's address and the selected text. */
export function bookmarkletCode(origin: string, slug: string): string {
  const target = JSON.stringify(`${origin}/w/${encodeURIComponent(slug)}/import?url=`);
  const code = `(()=>{const s=String(getSelection()).trim().slice(0,1000);location.href=${target}+encodeURIComponent(location.href)+(s?"&quote="+encodeURIComponent(s):"")})()`;
  // Browsers percent-decode a javascript: URL before running it.
  return `javascript:${code.replace(/%/g, "%25")}`;
}

/** "Send to Claimtrail": React refuses javascript: URLs in href, so the link's address is set on the element itself. */
function Bookmarklet({ slug }: { slug: string }) {
  const t = useTranslations("articles.url");
  const ref = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    ref.current?.setAttribute("href", bookmarkletCode(window.location.origin, slug));
  }, [slug]);
  return (
    <p className="mt-3 text-sm text-stone-600">
      {t.rich("bookmarklet", {
        button: (chunks) => (
          <a
            ref={ref}
            draggable
            onClick={(e) => e.preventDefault()}
            className="rounded-md bg-stone-100 px-2 py-0.5 font-medium text-brand-800 ring-1 ring-stone-300 hover:bg-stone-200"
          >
            {chunks}
          </a>
        ),
      })}
    </p>
  );
}

function ReviewCard({ slug, preview, index, outcome, quote }: { slug: string; preview: Extract<Preview, { status: "ok" }>; index: number; outcome?: Outcome; quote?: string }) {
  const prefix = `url-${index}`;
  // The bookmarklet's selected words go with the link to the article, so the reader opens Mark as claim with them.
  const q = quote ? `?quote=${encodeURIComponent(quote)}` : "";
  const fields = outcome?.kind === "failed" ? outcome.fields : {};
  const t = useTranslations("articles.url");
  const tf = useTranslations("articles.fields");
  return (
    <li className="rounded-lg bg-stone-50 p-4 ring-1 ring-stone-200">
      <fieldset>
        <legend className="sr-only">{preview.metadata.title ?? preview.url}</legend>
        <p className="text-sm break-all text-stone-600">
          <a href={preview.finalUrl} className="underline" target="_blank" rel="noreferrer noopener">
            {preview.finalUrl}
          </a>
        </p>
        <p className="mt-2 font-serif text-sm text-stone-800">{preview.excerpt}</p>
        {preview.duplicate ? (
          <div className="mt-3">
            <Alert tone="info">
              {t.rich("alreadyAs", {
                link: () => (
                  <Link href={`/w/${slug}/articles/${preview.duplicate!.id}${q}`} className="font-medium underline">
                    {preview.duplicate!.title}
                  </Link>
                ),
              })}
              {quote ? ` ${t("openToClaim")}` : null}
            </Alert>
          </div>
        ) : null}
        {outcome?.kind === "saved" ? (
          <div className="mt-3">
            <Alert tone={outcome.result.status === "created" ? "success" : "info"}>
              {outcome.result.status === "created" ? t("imported") : t("alreadyThere")}{" "}
              <Link href={`/w/${slug}/articles/${outcome.result.article.id}${q}`} className="font-medium underline">
                {outcome.result.article.title}
              </Link>
            </Alert>
          </div>
        ) : (
          <>
            {outcome?.kind === "failed" && !Object.keys(outcome.fields).filter((f) => f !== "url").length ? (
              <div className="mt-3">
                <Alert>{outcome.message}</Alert>
              </div>
            ) : null}
            <label className="mt-3 flex items-center gap-2 text-sm font-medium text-stone-800">
              <input type="checkbox" name={`${prefix}-include`} defaultChecked={!preview.duplicate} />
              {t("include")}
            </label>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              {FIELDS.map((f) => (
                <TextField
                  key={f.name}
                  label={tf(f.label)}
                  name={`${prefix}-${f.name}`}
                  type={f.type}
                  hint={f.hint ? (f.hint === "tagsHint" ? tf("tagsHint") : t(f.hint)) : undefined}
                  error={fields[f.name]}
                  defaultValue={f.name === "tags" ? "" : (preview.metadata[f.name] ?? "")}
                />
              ))}
            </div>
          </>
        )}
      </fieldset>
    </li>
  );
}

/**
 * Add articles by address: paste addresses → the server reads each page →
 * review and edit what it found → import. Each address succeeds or fails on
 * its own. Opened by the bookmarklet with ?url= (and ?quote=), it reads the
 * page at once.
 */
export function UrlImport({ slug, initialUrl, quote }: { slug: string; initialUrl?: string; quote?: string }) {
  const router = useRouter();
  const t = useTranslations("articles.url");
  const locale = useLocale();
  const localize = useApiErrors();
  const [urlsError, setUrlsError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [previews, setPreviews] = useState<Preview[] | null>(null);
  const [outcomes, setOutcomes] = useState<Record<number, Outcome>>({});
  const [pending, setPending] = useState<"reading" | "importing" | null>(null);
  const started = useRef(false);

  async function read(text: string) {
    const urls = text.split(/\r?\n/).map((u) => u.trim()).filter(Boolean);
    setUrlsError(null);
    setError(null);
    setOutcomes({});
    if (!urls.length) {
      setUrlsError(t("noUrls"));
      return;
    }
    setPending("reading");
    const res = await apiSend<{ results: Preview[] }>("POST", `/api/w/${slug}/articles/from-url/preview`, { urls });
    setPending(null);
    if (!res.ok) {
      const error = localize(res.error);
      if (error.fields.urls) setUrlsError(error.fields.urls);
      else setError(error.message);
      setPreviews(null);
      return;
    }
    setPreviews(res.data.results);
  }

  useEffect(() => {
    if (!initialUrl || started.current) return;
    started.current = true;
    void read(initialUrl);
    // Once, for the address the bookmarklet brought.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialUrl]);

  async function onRead(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await read(String(new FormData(event.currentTarget).get("urls") ?? ""));
  }

  async function onImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!previews) return;
    const form = new FormData(event.currentTarget);
    const next: Record<number, Outcome> = { ...outcomes };
    setError(null);
    setPending("importing");
    let chosen = 0;
    for (const [i, p] of previews.entries()) {
      if (p.status !== "ok" || next[i]?.kind === "saved" || !form.get(`url-${i}-include`)) continue;
      chosen++;
      const get = (k: string) => String(form.get(`url-${i}-${k}`) ?? "").trim();
      const body = {
        url: p.url,
        ...Object.fromEntries(FIELDS.filter((f) => f.name !== "tags").map((f) => [f.name, get(f.name)])),
        tags: get("tags") ? get("tags").split(",").map((t) => t.trim()).filter(Boolean) : undefined,
      };
      const res = await apiSend<ImportResult>("POST", `/api/w/${slug}/articles/from-url`, body);
      const failed = res.ok ? null : localize(res.error);
      next[i] = res.ok ? { kind: "saved", result: res.data } : { kind: "failed", message: failed!.message, fields: failed!.fields };
      setOutcomes({ ...next });
    }
    setPending(null);
    if (!chosen) {
      setError(t("noneTicked"));
      return;
    }
    const saved = Object.values(next).filter((o) => o.kind === "saved");
    // One page from the bookmarklet (or one pasted): go straight to reading it, with the selected words waiting.
    if (previews.length === 1 && saved.length === 1 && saved[0].kind === "saved") {
      const q = quote ? `?quote=${encodeURIComponent(quote)}` : "";
      router.push(`/w/${slug}/articles/${saved[0].result.article.id}${q}`);
    }
  }

  const readable = previews?.filter((p) => p.status === "ok").length ?? 0;

  return (
    <section aria-labelledby="url-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h3 id="url-heading" className="font-semibold">
        {t("title")}
      </h3>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      <Bookmarklet slug={slug} />
      <form onSubmit={onRead} noValidate className="mt-4 space-y-3">
        <div className="space-y-1.5">
          <label htmlFor="url-list" className="block text-sm font-medium text-stone-800">
            {t("addresses")}
          </label>
          <textarea
            id="url-list"
            name="urls"
            rows={3}
            defaultValue={initialUrl ?? ""}
            aria-invalid={urlsError ? true : undefined}
            aria-describedby={urlsError ? "url-list-error" : undefined}
            className="block w-full rounded-md bg-white px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none aria-[invalid=true]:ring-red-500"
            placeholder="https://"
          />
          {urlsError ? (
            <p id="url-list-error" role="alert" className="text-sm text-red-700">
              {urlsError}
            </p>
          ) : null}
        </div>
        {quote ? <p className="text-sm text-stone-600">{t("quote", { quote })}</p> : null}
        <Button type="submit" variant="secondary" disabled={pending !== null}>
          {pending === "reading" ? t("reading") : t("read")}
        </Button>
      </form>
      <div aria-live="polite" className="sr-only">
        {pending === "reading" ? t("reading") : previews ? t("readCount", { readable, total: previews.length }) : ""}
      </div>
      {error ? (
        <div className="mt-4">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {previews ? (
        <form onSubmit={onImport} noValidate className="mt-5 space-y-4">
          <h4 className="text-sm font-semibold text-stone-800">{t("check")}</h4>
          <ul className="space-y-4">
            {previews.map((p, i) =>
              p.status === "ok" ? (
                <ReviewCard key={`${i}-${p.url}`} slug={slug} preview={p} index={i} outcome={outcomes[i]} quote={previews.length === 1 ? quote : undefined} />
              ) : (
                <li key={`${i}-${p.url}`} className="rounded-lg bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200">
                  <p className="font-medium break-all">{p.url}</p>
                  {/* The reason by its code in the reader's language; a reason without one (an older server) leads with its kind. */}
                  {locale !== "en" && !p.code && t.has(`errors.${errorKey(p.kind)}`) ? <p className="mt-1">{t(`errors.${errorKey(p.kind)}`)}</p> : null}
                  <p className="mt-1">{localize({ message: p.message, fields: {}, code: p.code, codeParams: p.codeParams, status: 422, body: {} }).message}</p>
                </li>
              ),
            )}
          </ul>
          {readable ? (
            <Button type="submit" disabled={pending !== null}>
              {pending === "importing" ? t("importing") : t("import", { count: readable })}
            </Button>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
