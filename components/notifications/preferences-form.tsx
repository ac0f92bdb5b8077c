"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { CHANNELS, CHANNEL_LABELS, NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type Channel, type NotificationKind } from "@/lib/notifications/kinds";

/** Per kind of notification: in the app only, e-mail at once, in the daily digest, or off. */
export function PreferencesForm({ initial, mailOn }: { initial: Record<NotificationKind, Channel>; mailOn: boolean }) {
  const [prefs, setPrefs] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFields({});
    setDone(false);
    const res = await apiSend<Record<NotificationKind, Channel>>("PUT", "/api/account/notifications", prefs);
    setPending(false);
    if (!res.ok) {
      setFields(res.error.fields);
      setError(res.error.message);
      return;
    }
    setPrefs(res.data);
    setDone(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {mailOn ? null : <Alert tone="info">E-mail is off on this server (no SMTP_URL is set): everything arrives in your inbox only. The e-mail choices take effect once an administrator sets up e-mail.</Alert>}
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">Notification settings saved.</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {NOTIFICATION_KINDS.map((kind) => (
          <SelectField
            key={kind}
            label={NOTIFICATION_KIND_LABELS[kind]}
            name={kind}
            value={prefs[kind]}
            error={fields[kind]}
            onChange={(e) => {
              const value = e.target.value as Channel;
              setPrefs((p) => ({ ...p, [kind]: value }));
              setDone(false);
            }}
          >
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save notification settings"}
      </Button>
    </form>
  );
}
