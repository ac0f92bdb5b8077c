"use client";

import type { Send } from "./use-claim";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/locale";
import type { ClaimDetail } from "@/lib/claims/claim-dto";
import { useContentLang } from "@/components/ui/content-lang";


/** Statement, claimant, date, tags and assignee, with an edit form that names the version it started from. */
export function ClaimFacts({ claim, canEdit, members, send }: { claim: ClaimDetail; canEdit: boolean; members: { id: string; name: string }[]; send: Send }) {
  const t = useTranslations("claims.facts");
  const langOf = useContentLang();
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // What an approval vouches for (and ClaimReview publishes) is locked until a reviewer reopens it; the server refuses it too (update-claim.ts).
  const locked = claim.reviewState === "approved";

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (k: string) => String(form.get(k) ?? "").trim();
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
  }

  if (editing) {
    return (
      <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        {locked ? (
          <p id="facts-locked" className="rounded-md bg-stone-50 px-3 py-2 text-sm text-stone-700 ring-1 ring-stone-200">
            {t("locked")}
          </p>
        ) : null}
        <div className="space-y-1.5">
          <label htmlFor="claim-statement" className="block text-sm font-medium">
            {t("statement")}
          </label>
          <textarea id="claim-statement" name="statement" defaultValue={claim.statement} lang={langOf(claim.statement, claim.language)} rows={3} readOnly={locked} aria-describedby={locked ? "facts-locked" : undefined} aria-invalid={fields.statement ? true : undefined} className={`block w-full rounded-md px-3 py-2 text-sm ring-1 ring-stone-300 ring-inset focus:ring-2 focus:ring-brand-600 focus:outline-none ${locked ? "bg-stone-50 text-stone-600" : ""}`} />
          {fields.statement ? <p className="text-sm text-red-700">{fields.statement}</p> : null}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label={t("claimant")} name="claimant" defaultValue={claim.claimant ?? ""} error={fields.claimant} readOnly={locked} hint={locked ? t("lockedHint") : undefined} />
          <TextField label={t("claimDate")} name="claimDate" type="date" defaultValue={claim.claimDate?.slice(0, 10) ?? ""} error={fields.claimDate} readOnly={locked} hint={locked ? t("lockedHint") : undefined} />
          <TextField label={t("tags")} name="tags" defaultValue={claim.tags.join(", ")} hint={t("tagsHint")} error={fields.tags} />
          <SelectField label={t("assignee")} name="assigneeId" defaultValue={claim.assignee?.id ?? ""} error={fields.assigneeId}>
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
          <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
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
        <Button variant="secondary" className="mt-3 py-1" onClick={() => setEditing(true)}>
          {t("edit")}
        </Button>
      ) : null}
    </div>
  );
}
