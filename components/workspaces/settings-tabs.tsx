import Link from "next/link";
import { useTranslations } from "next-intl";

/** The workspace settings' sub-pages; the current one is marked for screen readers and by colour. */
export function SettingsTabs({ slug, current }: { slug: string; current: "general" | "webhooks" | "audit" | "glossary" }) {
  const t = useTranslations("workspaces.settingsTabs");
  const tabs = [
    { key: "general", href: `/w/${slug}/settings`, label: t("general") },
    { key: "webhooks", href: `/w/${slug}/settings/webhooks`, label: t("webhooks") },
    { key: "audit", href: `/w/${slug}/settings/audit`, label: t("audit") },
    { key: "glossary", href: `/w/${slug}/settings/glossary`, label: t("glossary") },
  ] as const;
  return (
    <nav aria-label={t("label")} className="mb-6 flex flex-wrap gap-1 border-b border-stone-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.key === current ? "border-brand-600 text-brand-800" : "border-transparent text-stone-600 hover:text-stone-900"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
