"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiSend } from "@/components/ui/api";

type Status = { kind: "queued" } | { kind: "uploading" } | { kind: "created" | "duplicate"; id: string; title: string } | { kind: "failed"; reason: string };

interface Item {
  key: string;
  name: string;
  status: Status;
}

const ACCEPT = ".txt,.md,.markdown,.html,.htm";
const MAX_BYTES = 5 * 1024 * 1024;

/** Uploads each file on its own request, so every file shows its own progress and one bad file stops nothing. */
export function FileImport({ slug }: { slug: string }) {
  const router = useRouter();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);

  function update(key: string, status: Status) {
    setItems((list) => list.map((i) => (i.key === key ? { ...i, status } : i)));
  }

  async function upload(files: File[]) {
    const batch = files.map((file, n) => ({ key: `${Date.now()}-${n}-${file.name}`, file }));
    setItems((list) => [...batch.map(({ key, file }) => ({ key, name: file.name, status: { kind: "queued" } as Status })), ...list]);
    for (const item of batch) {
      update(item.key, { kind: "uploading" });
      if (item.file.size > MAX_BYTES) {
        update(item.key, { kind: "failed", reason: "Larger than 5 MB." });
        continue;
      }
      const content = await item.file.text();
      const res = await apiSend<{ status: "created" | "duplicate"; article: { id: string; title: string } }>("POST", `/api/w/${slug}/articles`, { filename: item.file.name, content });
      if (res.ok) update(item.key, { kind: res.data.status, id: res.data.article.id, title: res.data.article.title });
      else update(item.key, { kind: "failed", reason: Object.values(res.error.fields)[0] ?? res.error.message });
    }
    router.refresh();
  }

  const done = items.filter((i) => i.status.kind === "created").length;
  const failed = items.filter((i) => i.status.kind === "failed").length;
  return (
    <section aria-labelledby="upload-heading" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h3 id="upload-heading" className="font-semibold">
        Upload files
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
          void upload(Array.from(e.dataTransfer.files));
        }}
        className={`mt-4 rounded-lg border-2 border-dashed px-4 py-8 text-center ${dragging ? "border-brand-600 bg-brand-50" : "border-stone-300"}`}
      >
        <p className="text-sm text-stone-600">Drop files here, or</p>
        <label htmlFor="article-files" className="mt-2 inline-block cursor-pointer rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-stone-300 hover:bg-stone-50 focus-within:ring-2 focus-within:ring-brand-600">
          Choose files
          <input
            id="article-files"
            type="file"
            multiple
            accept={ACCEPT}
            className="sr-only"
            onChange={(e) => {
              void upload(Array.from(e.target.files ?? []));
              e.target.value = "";
            }}
          />
        </label>
        <p className="mt-2 text-xs text-stone-500">.txt, .md or .html, up to 5 MB each</p>
      </div>
      {items.length ? (
        <>
          <p className="mt-4 text-sm text-stone-700" role="status">
            {done} added{failed ? `, ${failed} failed` : ""} of {items.length}
          </p>
          <ul className="mt-2 divide-y divide-stone-100 text-sm" aria-label="Uploads">
            {items.map((i) => (
              <li key={i.key} className="flex items-start justify-between gap-3 py-2">
                <span className="min-w-0 truncate font-medium">{i.name}</span>
                <span className="shrink-0 text-right">
                  {i.status.kind === "queued" ? <span className="text-stone-500">Waiting</span> : null}
                  {i.status.kind === "uploading" ? <span className="text-stone-500">Uploading…</span> : null}
                  {i.status.kind === "created" ? (
                    <Link href={`/w/${slug}/articles/${i.status.id}`} className="text-emerald-700 hover:underline">
                      Added
                    </Link>
                  ) : null}
                  {i.status.kind === "duplicate" ? (
                    <Link href={`/w/${slug}/articles/${i.status.id}`} className="text-amber-700 hover:underline">
                      Already here
                    </Link>
                  ) : null}
                  {i.status.kind === "failed" ? <span className="text-red-700">Failed: {i.status.reason}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
