import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localizedFieldErrors } from "@/components/ui/api-errors-server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { auditPeople, listAudit, parseAuditFilter, type AuditWords } from "@/lib/audit";
import { requirePageAccess } from "@/lib/auth/page-access";
import { DomainError } from "@/lib/errors";
import { kindGroups } from "@/lib/webhooks/kind-groups";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type Search = { person?: string; kind?: string; from?: string; to?: string; before?: string };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const access = await requirePageAccess(slug, "workspace.update", `/w/${slug}/settings/audit`);
  const raw = { person: search.person || undefined, kind: search.kind || undefined, from: search.from || undefined, to: search.to || undefined, before: search.before || undefined };
  // Every bad filter is named, not only the first (a bad date beside a bad kind must not vanish).
  let errors: Record<string, string> = {};
  let filter;
  try {
    filter = parseAuditFilter(raw);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    errors = Object.keys(err.fields).length ? await localizedFieldErrors(err) : { query: err.message };
  }
  const [t, words] = await Promise.all([getTranslations("audit"), getTranslations()]);
  const [page, people] = await Promise.all([filter ? listAudit(access, filter, words as unknown as AuditWords) : null, auditPeople(access)]);
  const exportQuery = new URLSearchParams(Object.entries({ person: raw.person, kind: raw.kind, from: raw.from, to: raw.to }).filter((e): e is [string, string] => e[1] !== undefined));
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-4 text-lg font-semibold">
        {t("settings")}
      </h2>
      <SettingsTabs slug={slug} current="audit" />
      <p className="mb-4 max-w-3xl text-sm text-stone-600">{t("intro")}</p>
      <AuditFilters slug={slug} people={people} groups={kindGroups()} values={raw} errors={errors} exportQuery={exportQuery.toString()} />
      {page ? <AuditTable slug={slug} entries={page.items} nextBefore={page.nextBefore} query={exportQuery.toString()} paged={raw.before !== undefined} /> : null}
    </section>
  );
}
