"use client";

import type { Send } from "./use-claim";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/locale";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import { useContentLang } from "@/components/ui/content-lang";


/** The fields someone changed in a save that was refused: carried over the version the page reloaded (finding T8). */
export type FactsDraft = { fromVersion: number; changed: Partial<Record<"statement" | "claimant" | "claimDate" | "tags" | "assigneeId", string>> };

/**
 * Statement, claimant, date, tags and assignee, with an edit form that names the version it started from.
 * Keyed by the claim's version, so a form never saves values read from an older one; when a save is refused
 * because a teammate changed the claim, the fields this person changed come back in the new form (`draft`)
 * over the current version, and the rest show what is there now, so saving again overwrites only what they meant to.
 */
export function ClaimFacts({ claim, canEdit, members, send, draft, onDraft }: { claim: ClaimDetail; canEdit: boolean; members: { id: string; name: string }[]; send: Send; draft?: FactsDraft | null; onDraft?: (draft: FactsDraft | null) => void }) {
  const t = useTranslations("claims.facts");
  const langOf = useContentLang();
  const carried = draft && draft.fromVersion < claim.version ? draft.changed : null;
  const [editing, setEditing] = useState(!!carried);
  // Opened by its button, the form takes the focus on its first field: the button it replaces is gone, and with the
  // focus on the page's body a teammate's change reloaded the claim, which closed the open form; the person then
  // opened it again on the new version and saved over the change without a word (black-box, session 32). With the
  // focus in the form, the change waits behind "A teammate changed this claim — show" and a save here is refused.
  const form = useRef<HTMLFormElement>(null);
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    if (opened) form.current?.querySelector<HTMLElement>("textarea, input, select")?.focus();
  }, [opened]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // What an approval vouches for (and ClaimReview publishes) is locked until a reviewer reopens it; the server refuses it too (update-claim.ts).
  const locked = claim.reviewState === "approved";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (k: string) => String(form.get(k) ?? "").trim();
    const before: Record<keyof FactsDraft["changed"], string> = {
      statement: claim.statement,
      claimant: claim.claimant ?? "",
      claimDate: claim.claimDate?.slice(0, 10) ?? "",
      tags: claim.tags.join(", "),
      assigneeId: claim.assignee?.id ?? "",
    };
    const changed = Object.fromEntries((Object.keys(before) as (keyof typeof before)[]).filter((k) => form.has(k) && get(k) !== before[k]).map((k) => [k, get(k)]));
    setPending(true);
    const result = await send(
      "PATCH",
      "",
      {
        version: claim.version,
        ...(locked ? {} : { statement: get("statement"), claimant: get("claimant") || null, claimDate: get("claimDate") || null }),
        tags: get("tags") ? get("tags").split(",").map((t) => t.trim()).filter(Boolean) : [],
        assigneeId: get("assigneeId") || null,
      },
      t("saved"),
    );
    setPending(false);
    setFields(result.fields);
    if (result.ok) setEditing(false);
    onDraft?.(result.ok || !Object.keys(changed).length ? null : { fromVersion: claim.version, changed });
  }
  const value = (k: keyof FactsDraft["changed"], current: string) => carried?.[k] ?? current;

  if (editing) {
    return (
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        {/* Not on a claim deleted meanwhile: "save again" can't work there (its own notice says it was deleted). */}
        {carried && !claim.deletedAt ? (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            {t("draftKept")}
          </p>
        ) : null}
        {locked ? (
          <p id="facts-locked" className="rounded-md bg-stone-50 px-3 py-2 text-sm text-stone-700 ring-1 ring-stone-200">
            {t("locked")}
          </p>
        ) : null}
        <div className="space-y-1.5">
          <label htmlFor="claim-statement" className="block text-sm font-medium">
            {t("statement")}
          </label>
          <textarea id="claim-statement" name="statement" defaultValue={value("statement", claim.statement)} lang={langOf(claim.statement, claim.language)} rows={3} readOnly={locked} aria-describedby={locked ? "facts-locked" : undefined} aria-invalid={fields.statement ? true : undefined} className={`block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none ${locked ? "bg-stone-50 text-stone-600" : ""}`} />
          {fields.statement ? <p className="text-sm text-red-700">{fields.statement}</p> : null}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t("claimant")} name="claimant" defaultValue={value("claimant", claim.claimant ?? "")} error={fields.claimant} readOnly={locked} hint={locked ? t("lockedHint") : undefined} />
          <TextField label={t("claimDate")} name="claimDate" type="date" defaultValue={value("claimDate", claim.claimDate?.slice(0, 10) ?? "")} error={fields.claimDate} readOnly={locked} hint={locked ? t("lockedHint") : undefined} />
          <TextField label={t("tags")} name="tags" defaultValue={value("tags", claim.tags.join(", "))} hint={t("tagsHint")} error={fields.tags} />
          <SelectField label={t("assignee")} name="assigneeId" defaultValue={value("assigneeId", claim.assignee?.id ?? "")} error={fields.assigneeId}>
            <option value="">{t("nobody")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("saving") : t("save")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setEditing(false);
              onDraft?.(null);
            }}
          >
            {t("cancel")}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div>
      <h1 className="font-serif text-2xl leading-snug font-semibold text-stone-900" lang={langOf(claim.statement, claim.language)}>
        {claim.statement}
      </h1>
      <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-stone-500">{t("claimant")}</dt>
        <dd>{claim.claimant ?? <span className="text-stone-500">{t("notRecorded")}</span>}</dd>
        <dt className="text-stone-500">{t("claimDate")}</dt>
        <dd>{claim.claimDate ? <Time value={claim.claimDate} style="day" /> : <span className="text-stone-500">{t("notRecorded")}</span>}</dd>
        <dt className="text-stone-500">{t("assignee")}</dt>
        <dd>{claim.assignee?.name ?? <span className="text-stone-500">{t("nobody")}</span>}</dd>
        <dt className="text-stone-500">{t("tags")}</dt>
        <dd className="flex flex-wrap gap-1">
          {claim.tags.length ? claim.tags.map((t) => <span key={t} className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-800">{t}</span>) : <span className="text-stone-500">{t("none")}</span>}
        </dd>
      </dl>
      {canEdit ? (
        <Button
          variant="secondary"
          className="mt-3 py-1"
          onClick={() => {
            setEditing(true);
            setOpened((n) => n + 1);
          }}
        >
          {t("edit")}
        </Button>
      ) : null}
    </div>
  );
}
