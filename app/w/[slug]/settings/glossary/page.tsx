import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AliasManager } from "@/components/glossary/alias-manager";
import { GlossaryManager } from "@/components/glossary/glossary-manager";
import { GlossarySearch } from "@/components/glossary/glossary-search";
import { ProposalList } from "@/components/glossary/proposal-list";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listAliases, listGlossary, listProposals, suggestAliases } from "@/lib/glossary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("glossary.page"))("title") };
}

export default async function GlossaryPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string | string[] }> }) {
  const { slug } = await params;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 120) ?? "";
  const access = await requirePageAccess(slug, "workspace.update", `/w/${slug}/settings/glossary`);
  const t = await getTranslations("glossary.page");
  const [pairs, proposals, aliases, suggested] = await Promise.all([listGlossary(access, q), listProposals(access), listAliases(access), suggestAliases(access)]);
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-4 text-lg font-semibold">
        {t("settingsHeading")}
      </h2>
      <SettingsTabs slug={slug} current="glossary" />
      <p className="mb-6 max-w-3xl text-sm text-stone-600">
        {t("intro")}
      </p>
      <div className="max-w-4xl space-y-8">
        <section aria-labelledby="glossary-heading">
          <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
            <h3 id="glossary-heading" className="font-medium">
              {t("glossaryHeading")}
            </h3>
            <GlossarySearch q={q} />
          </div>
          {pairs.truncated ? <p className="mb-2 text-sm text-stone-600">{t("truncated")}</p> : null}
          <GlossaryManager slug={slug} pairs={pairs.items} searched={q.trim() !== ""} />
        </section>
        <section aria-labelledby="proposals-heading">
          <h3 id="proposals-heading" className="mb-3 font-medium">
            {t("proposalsHeading")}
          </h3>
          <ProposalList slug={slug} proposals={proposals} />
        </section>
        <section aria-labelledby="aliases-heading">
          <h3 id="aliases-heading" className="mb-3 font-medium">
            {t("aliasesHeading")}
          </h3>
          <AliasManager slug={slug} aliases={aliases} suggested={suggested} />
        </section>
      </div>
    </section>
  );
}
