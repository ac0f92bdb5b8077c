import type { Metadata } from "next";
import { AllowHostsForm } from "@/components/webhooks/allow-hosts-form";
import { WebhookManager } from "@/components/webhooks/webhook-manager";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listWebhooks } from "@/lib/webhooks";
import { kindGroups } from "@/lib/webhooks/kind-groups";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess(slug, "workspace.update", `/w/${slug}/settings/webhooks`);
  const { items, allowHosts } = await listWebhooks(access);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-4 text-lg font-semibold">
        Settings
      </h2>
      <SettingsTabs slug={slug} current="webhooks" />
      <p className="mb-6 max-w-3xl text-sm text-stone-600">
        A webhook POSTs each change of the kinds you pick to your endpoint as JSON, signed with HMAC-SHA256 (the <code>Claimtrail-Signature</code> header). Failed deliveries are retried for a day, after 1, 5 and 30 minutes, then 2, 6 and 12 hours.
      </p>
      <WebhookManager slug={slug} webhooks={items} groups={kindGroups()} />
      <section aria-labelledby="allow-hosts-heading" className="mt-8 max-w-3xl rounded-xl bg-white p-6 ring-1 ring-stone-200">
        <h3 id="allow-hosts-heading" className="mb-3 font-medium">
          Private addresses
        </h3>
        <AllowHostsForm slug={slug} hosts={allowHosts} />
      </section>
    </section>
  );
}
