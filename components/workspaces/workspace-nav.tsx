"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function WorkspaceNav({ tabs }: { tabs: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="-mb-px mt-3 flex gap-5">
      {tabs.map((tab) => {
        // A section stays current on its sub-pages (a claim under Claims), except the workspace root.
        const active = pathname === tab.href || (tab.href.split("/").length > 3 && pathname.startsWith(`${tab.href}/`));
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 px-1 pb-3 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
