import Link from "next/link";

/** The workspace settings' sub-pages; the current one is marked for screen readers and by colour. */
export function SettingsTabs({ slug, current }: { slug: string; current: "general" | "webhooks" | "audit" | "glossary" }) {
  const tabs = [
    { key: "general", href: `/w/${slug}/settings`, label: "General" },
    { key: "webhooks", href: `/w/${slug}/settings/webhooks`, label: "Webhooks" },
    { key: "audit", href: `/w/${slug}/settings/audit`, label: "Audit log" },
    { key: "glossary", href: `/w/${slug}/settings/glossary`, label: "Glossary" },
  ] as const;
  return (
    <nav aria-label="Settings sections" className="mb-6 flex flex-wrap gap-1 border-b border-stone-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${t.key === current ? "border-brand-600 text-brand-800" : "border-transparent text-stone-600 hover:text-stone-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
