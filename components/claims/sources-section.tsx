"use client";

import type { Send } from "./use-claim";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ClaimDetail, SourceView } from "@/lib/claims/claim-dto";
import { SOURCE_KINDS, SOURCE_KIND_LABELS, STANCES, STANCE_LABELS } from "@/lib/claims/review-states";

function SourceItem({ s, onRemove }: { s: SourceView; onRemove?: () => void }) {
  return (
    <li className="rounded-lg bg-white p-3 text-sm ring-1 ring-stone-200">
      <div className="flex items-start justify-between gap-2">
        <div>
          {s.url ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-brand-700 hover:underline">
              {s.title}
            </a>
          ) : (
            <span className="font-medium">{s.title}</span>
          )}
          <p className="text-xs text-stone-500">{[SOURCE_KIND_LABELS[s.kind], s.publisher, s.publishedAt?.slice(0, 10)].filter(Boolean).join(" · ")}</p>
        </div>
        {onRemove ? (
          <button type="button" onClick={onRemove} className="rounded px-1.5 py-0.5 text-xs text-stone-500 hover:bg-red-50 hover:text-red-700" aria-label={`Remove source ${s.title}`}>
            Remove
          </button>
        ) : null}
      </div>
      {s.note ? <p className="mt-1 text-stone-700">{s.note}</p> : null}
    </li>
  );
}

/** Evidence, grouped by what it does to the claim. */
export function SourcesSection({ claim, canEdit, send }: { claim: ClaimDetail; canEdit: boolean; send: Send }) {
  const [adding, setAdding] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (k: string) => String(form.get(k) ?? "").trim();
    setPending(true);
    const r = await send(
      "POST",
      "/sources",
      {
        version: claim.version,
        url: get("url") || null,
        title: get("title"),
        publisher: get("publisher") || null,
        publishedAt: get("publishedAt") || null,
        accessedAt: get("accessedAt") || null,
        kind: get("kind"),
        stance: get("stance"),
        note: get("note") || null,
      },
      "Source added.",
    );
    setPending(false);
    setFields(r.fields);
    if (r.ok) setAdding(false);
  }

  return (
    <section aria-labelledby="sources-heading">
      <div className="flex items-center justify-between">
        <h2 id="sources-heading" className="font-semibold">
          Sources <span className="font-normal text-stone-500">({claim.sources.length})</span>
        </h2>
        {canEdit && !adding ? (
          <Button variant="secondary" className="py-1" onClick={() => setAdding(true)}>
            Add source
          </Button>
        ) : null}
      </div>
      {adding ? (
        <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-2">
          <TextField label="Title" name="title" required error={fields.title} />
          <TextField label="URL" name="url" type="url" placeholder="https://" error={fields.url} />
          <SelectField label="Kind" name="kind" defaultValue="primary-document" error={fields.kind}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Stance" name="stance" defaultValue="supports" error={fields.stance}>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </SelectField>
          <TextField label="Publisher" name="publisher" error={fields.publisher} />
          <TextField label="Published" name="publishedAt" type="date" error={fields.publishedAt} />
          <TextField label="Accessed" name="accessedAt" type="date" defaultValue={new Date().toISOString().slice(0, 10)} error={fields.accessedAt} />
          <TextField label="Note" name="note" error={fields.note} />
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" disabled={pending}>
              {pending ? "Adding…" : "Save source"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAdding(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {claim.sources.length === 0 && !adding ? <p className="mt-2 text-sm text-stone-500">No sources yet. Approval needs at least one.</p> : null}
      {STANCES.map((stance) =>
        claim.sourcesByStance[stance]?.length ? (
          <div key={stance} className="mt-3">
            <h3 className="text-sm font-medium text-stone-700">{STANCE_LABELS[stance]}</h3>
            <ul className="mt-2 space-y-2">
              {claim.sourcesByStance[stance].map((s) => (
                <SourceItem key={s.id} s={s} onRemove={canEdit ? () => void send("DELETE", `/sources/${s.id}`, { version: claim.version }, "Source removed.") : undefined} />
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
