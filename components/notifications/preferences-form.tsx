"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { messageKey as key } from "@/components/claims/message-key";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { CHANNELS, NOTIFICATION_KINDS, type Channel, type NotificationKind } from "@/lib/notifications/kinds";


/** Per kind of notification: in the app only, e-mail at once, in the daily digest, or off. */
export function PreferencesForm({ initial, mailOn }: { initial: Record<NotificationKind, Channel>; mailOn: boolean }) {
  const t = useTranslations("notifications.preferences");
  const localize = useApiErrors();
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
      const error = localize(res.error);
      setFields(error.fields);
      setError(error.message);
      return;
    }
    setPrefs(res.data);
    setDone(true);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {mailOn ? null : <Alert tone="info">{t("mailOff")}</Alert>}
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {NOTIFICATION_KINDS.map((kind) => (
          <SelectField
            key={kind}
            label={t(`kinds.${key(kind)}`)}
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
                {t(`channels.${key(c)}`)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
