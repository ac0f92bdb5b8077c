import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AllowHostsForm } from "@/components/webhooks/allow-hosts-form";
import { WebhookManager } from "@/components/webhooks/webhook-manager";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listWebhooks } from "@/lib/webhooks";
import { kindGroups } from "@/lib/webhooks/kind-groups";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks.page");
  return { title: t("title") };
}

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess(slug, "workspace.update", `/w/${slug}/settings/webhooks`);
  const [{ items, allowHosts }, t] = await Promise.all([listWebhooks(access), getTranslations("webhooks.page")]);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-4 text-lg font-semibold">
        {t("settings")}
      </h2>
      <SettingsTabs slug={slug} current="webhooks" />
      <p className="mb-6 max-w-3xl text-sm text-stone-600">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <WebhookManager slug={slug} webhooks={items} groups={kindGroups()} />
      <section aria-labelledby="allow-hosts-heading" className="mt-8 max-w-3xl rounded-xl bg-white p-6 ring-1 ring-stone-200">
        <h3 id="allow-hosts-heading" className="mb-3 font-medium">
          {t("private")}
        </h3>
        <AllowHostsForm slug={slug} hosts={allowHosts} />
      </section>
    </section>
  );
}
