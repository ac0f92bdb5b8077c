import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { WorkspaceTitle } from "@/components/workspaces/workspace-title";
import { can } from "@/lib/auth/permissions";
import { requirePageAccess } from "@/lib/auth/page-access";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await requirePageAccess(slug, "workspace.view", `/w/${slug}`);
  const [t, roles] = await Promise.all([getTranslations("workspaces.nav"), getTranslations("common.roles")]);
  const tabs = [
    { href: `/w/${slug}`, label: t("articles") },
    { href: `/w/${slug}/claims`, label: t("claims") },
    { href: `/w/${slug}/dashboard`, label: t("dashboard") },
    { href: `/w/${slug}/export`, label: t("export") },
    ...(can(access.role, "members.manage") ? [{ href: `/w/${slug}/members`, label: t("members") }] : []),
    ...(can(access.role, "workspace.update") ? [{ href: `/w/${slug}/settings`, label: t("settings") }] : []),
  ];
  return (
    <div>
      <div className="border-b border-stone-200 bg-white">
        <div className="mx-auto max-w-6xl px-4">
          <div className="flex items-center gap-3 pt-5">
            <WorkspaceTitle name={access.workspace.name} />
            <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-medium text-stone-700" title={t("yourRole")}>
              {roles(access.role)}
            </span>
          </div>
          <WorkspaceNav tabs={tabs} />
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-8">{children}</div>
    </div>
  );
}
