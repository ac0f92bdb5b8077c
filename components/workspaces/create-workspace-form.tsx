"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { apiSend } from "@/components/ui/api";
import { useApiErrors } from "@/components/ui/api-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function CreateWorkspaceForm() {
  const router = useRouter();
  const t = useTranslations("workspaces.create");
  const localize = useApiErrors();
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    setPending(true);
    setError(null);
    setFieldError(undefined);
    const res = await apiSend<{ slug: string }>("POST", "/api/workspaces", { name });
    if (!res.ok) {
      setPending(false);
      const error = localize(res.error);
      if (error.fields.name) setFieldError(error.fields.name);
      else setError(error.message);
      return;
    }
    router.push(`/w/${res.data.slug}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-start">
      <div className="flex-1">
        <TextField label={t("name")} name="name" placeholder={t("placeholder")} required error={fieldError} />
      </div>
      <Button type="submit" disabled={pending} className="sm:mt-7">
        {pending ? t("creating") : t("submit")}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}
