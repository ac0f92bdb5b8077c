import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireUser } from "@/lib/auth/session";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

export async function generateMetadata(): Promise<Metadata> {
  // The root layout's "%s · Claimtrail" applies to the segments below it, not to its own page: given whole here.
  return { title: { absolute: `${(await getTranslations("pages.home"))("metaTitle")} · Claimtrail` } };
}

export default async function HomePage() {
  const user = await requireUser("/");
  const [workspaces, t, tc] = await Promise.all([listWorkspaces(user.id), getTranslations("pages.home"), getTranslations("common")]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-stone-600">{t("intro")}</p>
      {workspaces.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
          <h2 className="font-medium">{t("emptyTitle")}</h2>
          <p className="mt-1 text-sm text-stone-600">{t("emptyBody")}</p>
        </div>
      ) : (
        <ul className="mt-8 divide-y divide-stone-200 overflow-hidden rounded-xl bg-white ring-1 ring-stone-200" aria-label={t("listLabel")}>
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link href={`/w/${w.slug}`} className="flex items-center justify-between px-5 py-4 hover:bg-stone-50 focus-visible:bg-stone-50">
                <span>
                  <span className="block font-medium text-stone-900">{w.name}</span>
                  <span className="text-sm text-stone-500">{t("counts", { articles: w.articleCount, members: w.memberCount })}</span>
                </span>
                <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-medium text-stone-700">{tc(`roles.${w.role}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-workspace" className="mt-10 rounded-xl bg-white p-6 ring-1 ring-stone-200">
        <h2 id="new-workspace" className="font-medium">
          {t("createTitle")}
        </h2>
        <p className="mt-1 text-sm text-stone-600">{t("createBody")}</p>
        <CreateWorkspaceForm />
      </section>
    </div>
  );
}
