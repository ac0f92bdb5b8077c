"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { DEFAULT_VERDICT_LABELS, VERDICTS, VERDICT_DESCRIPTIONS, type Verdict } from "@/lib/claims/verdicts";

/** Workspace name, the team's own words for each verdict, where fact-checks are published, and who may approve. */
export function SettingsForm({ slug, name, labels, claimReviewUrlTemplate, requireSecondApprover }: { slug: string; name: string; labels: Record<Verdict, string>; claimReviewUrlTemplate: string; requireSecondApprover: boolean }) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const verdictLabels = Object.fromEntries(VERDICTS.map((v) => [v, String(form.get(`label-${v}`) ?? "").trim() || DEFAULT_VERDICT_LABELS[v]]));
    setPending(true);
    const res = await apiSend("PATCH", `/api/w/${slug}/settings`, { name: String(form.get("name") ?? ""), verdictLabels, claimReviewUrlTemplate: String(form.get("claimReviewUrlTemplate") ?? ""), requireSecondApprover: form.get("requireSecondApprover") === "on" });
    setPending(false);
    if (!res.ok) {
      setFields(res.error.fields);
      setNotice({ tone: "error", text: res.error.message });
      return;
    }
    setFields({});
    setNotice({ tone: "success", text: "Settings saved." });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <TextField label="Workspace name" name="name" defaultValue={name} error={fields.name} />
      <fieldset className="space-y-3">
        <legend className="font-medium">Verdict labels</legend>
        <p className="text-sm text-stone-600">Use your newsroom&apos;s words (for example “Misleading” for mostly false). Exports keep the standard value beside your label.</p>
        {VERDICTS.map((v) => (
          <TextField key={v} label={`${DEFAULT_VERDICT_LABELS[v]} (${v})`} name={`label-${v}`} defaultValue={labels[v]} hint={VERDICT_DESCRIPTIONS[v]} error={fields[`verdictLabels.${v}`]} />
        ))}
      </fieldset>
      <TextField
        label="Public fact-check address (ClaimReview)"
        name="claimReviewUrlTemplate"
        defaultValue={claimReviewUrlTemplate}
        hint="Where you publish each fact-check, e.g. https://factcheck.example.org/claims/{claimId} ({workspaceSlug} also works). The ClaimReview export links there; Google only accepts a public page. Empty: the claim's page in Claimtrail."
        error={fields.claimReviewUrlTemplate}
      />
      <fieldset className="space-y-2">
        <legend className="font-medium">Review</legend>
        <div className="flex items-start gap-2">
          <input id="require-second-approver" type="checkbox" name="requireSecondApprover" defaultChecked={requireSecondApprover} aria-describedby="require-second-approver-hint" className="mt-1 size-4 rounded border-stone-300 text-brand-600 focus:ring-2 focus:ring-brand-600" />
          <div>
            <label htmlFor="require-second-approver" className="text-sm font-medium">
              A second person must approve
            </label>
            <p id="require-second-approver-hint" className="text-sm text-stone-600">
              Whoever last set a claim&apos;s verdict, changed its explanation or sent it to review can&apos;t approve it; another reviewer or admin has to.
            </p>
            {fields.requireSecondApprover ? <p className="text-sm text-red-700">{fields.requireSecondApprover}</p> : null}
          </div>
        </div>
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}
