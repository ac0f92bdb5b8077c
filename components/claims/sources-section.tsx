"use client";

import type { Send } from "./use-claim";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/locale";
import { SelectField, TextField } from "@/components/ui/field";
import type { ClaimDetail, SourceView } from "@/lib/claims/claim-dto";
import { SOURCE_KINDS, STANCES } from "@/lib/claims/review-states";
import { messageKey } from "./message-key";

const day = (iso: string | null | undefined) => iso?.slice(0, 10) ?? "";

/** The fields of a source, as the API takes them: empty optional text is null. */
function sourceBody(form: FormData) {
  const get = (k: string) => String(form.get(k) ?? "").trim();
  return {
    url: get("url") || null,
    title: get("title"),
    publisher: get("publisher") || null,
    publishedAt: get("publishedAt") || null,
    accessedAt: get("accessedAt") || null,
    kind: get("kind"),
    stance: get("stance"),
    note: get("note") || null,
  };
}

/** One form for adding and editing a source; `initial` pre-fills it for an edit. */
function SourceForm({ initial, fields, pending, submitLabel, pendingLabel, label, onSubmit, onCancel }: { initial?: SourceView; fields: Record<string, string>; pending: boolean; submitLabel: string; pendingLabel: string; label: string; onSubmit: (body: ReturnType<typeof sourceBody>) => void; onCancel: () => void }) {
  const t = useTranslations("claims.sources");
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(sourceBody(new FormData(event.currentTarget)));
  }
  return (
    <form onSubmit={submit} noValidate aria-label={label} className="mt-3 grid gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 sm:grid-cols-2">
      <TextField label={t("title")} name="title" required autoFocus defaultValue={initial?.title ?? ""} error={fields.title} />
      <TextField label={t("url")} name="url" type="url" placeholder="https://" defaultValue={initial?.url ?? ""} error={fields.url} />
      <SelectField label={t("kind")} name="kind" defaultValue={initial?.kind ?? "primary-document"} error={fields.kind}>
        {SOURCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${messageKey(k)}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("stance")} name="stance" defaultValue={initial?.stance ?? "supports"} error={fields.stance}>
        {STANCES.map((s) => (
          <option key={s} value={s}>
            {t(`stances.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("publisher")} name="publisher" defaultValue={initial?.publisher ?? ""} error={fields.publisher} />
      <TextField label={t("published")} name="publishedAt" type="date" defaultValue={day(initial?.publishedAt)} error={fields.publishedAt} />
      <TextField label={t("accessed")} name="accessedAt" type="date" defaultValue={initial ? day(initial.accessedAt) : new Date().toISOString().slice(0, 10)} error={fields.accessedAt} />
      <TextField label={t("note")} name="note" defaultValue={initial?.note ?? ""} error={fields.note} />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

function SourceItem({ s, focusEdit, onEdit, onRemove }: { s: SourceView; focusEdit?: boolean; onEdit?: () => void; onRemove?: () => void }) {
  // Back from its edit form (saved or cancelled), focus returns to this source's Edit button.
  const t = useTranslations("claims.sources");
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusEdit) editButton.current?.focus();
  }, [focusEdit]);
  return (
    <li className="rounded-lg bg-white p-3 text-sm ring-1 ring-stone-200">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          {s.url ? (
            <a href={s.url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium break-words text-brand-700 hover:underline">
              {s.title}
            </a>
          ) : (
            <span className="font-medium break-words">{s.title}</span>
          )}
          <p className="text-xs text-stone-500">
            {[t(`kinds.${messageKey(s.kind)}`), s.publisher].filter(Boolean).join(" · ")}
            {s.publishedAt ? (
              <>
                {" · "}
                <Time value={s.publishedAt} style="day" />
              </>
            ) : null}
          </p>
        </div>
        <div className="flex shrink-0 gap-1">
          {onEdit ? (
            <button ref={editButton} type="button" onClick={onEdit} className="rounded px-1.5 py-0.5 text-xs text-stone-500 hover:bg-stone-100 hover:text-stone-800" aria-label={t("editLabel", { title: s.title })}>
              {t("edit")}
            </button>
          ) : null}
          {onRemove ? (
            <button type="button" onClick={onRemove} className="rounded px-1.5 py-0.5 text-xs text-stone-500 hover:bg-red-50 hover:text-red-700" aria-label={t("removeLabel", { title: s.title })}>
              {t("remove")}
            </button>
          ) : null}
        </div>
      </div>
      {s.note ? <p className="mt-1 text-stone-700">{s.note}</p> : null}
    </li>
  );
}

/** Evidence, grouped by what it does to the claim. One form at a time: adding, or editing one source. */
export function SourcesSection({ claim, canEdit, send }: { claim: ClaimDetail; canEdit: boolean; send: Send }) {
  const t = useTranslations("claims.sources");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [lastEdited, setLastEdited] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  function open(which: "add" | string) {
    setFields({});
    setLastEdited(null);
    setAdding(which === "add");
    setEditing(which === "add" ? null : which);
  }
  function close() {
    setLastEdited(editing);
    setFields({});
    setAdding(false);
    setEditing(null);
  }

  async function save(method: "POST" | "PATCH", path: string, body: ReturnType<typeof sourceBody>, success: string) {
    setPending(true);
    const r = await send(method, path, { version: claim.version, ...body }, success);
    setPending(false);
    setFields(r.fields);
    if (r.ok) close();
  }

  return (
    <section aria-labelledby="sources-heading">
      <div className="flex items-center justify-between">
        <h2 id="sources-heading" className="font-semibold">
          {t("heading")} <span className="font-normal text-stone-500">({claim.sources.length})</span>
        </h2>
        {canEdit && !adding ? (
          <Button variant="secondary" className="py-1" onClick={() => open("add")}>
            {t("add")}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <SourceForm fields={fields} pending={pending} label={t("addLabel")} submitLabel={t("saveSource")} pendingLabel={t("adding")} onSubmit={(body) => void save("POST", "/sources", body, t("added"))} onCancel={close} />
      ) : null}
      {claim.sources.length === 0 && !adding ? <p className="mt-2 text-sm text-stone-500">{t("empty")}</p> : null}
      {STANCES.map((stance) =>
        claim.sourcesByStance[stance]?.length ? (
          <div key={stance} className="mt-3">
            <h3 className="text-sm font-medium text-stone-700">{t(`stances.${stance}`)}</h3>
            <ul className="mt-2 space-y-2">
              {claim.sourcesByStance[stance].map((s) =>
                editing === s.id ? (
                  <li key={s.id}>
                    <SourceForm
                      initial={s}
                      fields={fields}
                      pending={pending}
                      label={t("editLabel", { title: s.title })}
                      submitLabel={t("saveChanges")}
                      pendingLabel={t("saving")}
                      onSubmit={(body) => void save("PATCH", `/sources/${s.id}`, body, t("updated"))}
                      onCancel={close}
                    />
                  </li>
                ) : (
                  <SourceItem
                    key={s.id}
                    s={s}
                    focusEdit={lastEdited === s.id}
                    onEdit={canEdit ? () => open(s.id) : undefined}
                    onRemove={canEdit ? () => void send("DELETE", `/sources/${s.id}`, { version: claim.version }, t("removed")) : undefined}
                  />
                ),
              )}
            </ul>
          </div>
        ) : null,
      )}
    </section>
  );
}
