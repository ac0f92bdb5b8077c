"use client";

import { PendingLink } from "@/components/layout/pending-link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * The workspace's tabs. On a narrow screen they don't fit: the row scrolls
 * sideways on its own (the page never does), its edges fade where more tabs
 * are hidden, and the current tab is scrolled into view.
 */
export function WorkspaceNav({ tabs }: { tabs: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const t = useTranslations("workspaces.nav");
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    const current = nav.current?.querySelector<HTMLElement>("[aria-current=page]");
    if (!nav.current || !current) return;
    // Only the tab row scrolls (scrollIntoView would also move the page vertically).
    const row = nav.current;
    const left = current.offsetLeft;
    if (left < row.scrollLeft || left + current.offsetWidth > row.scrollLeft + row.clientWidth) row.scrollLeft = left - 16;
  }, [pathname]);
  return (
    <nav
      ref={nav}
      aria-label={t("label")}
      className="relative -mx-4 -mb-px mt-3 flex gap-5 overflow-x-auto px-4 [scrollbar-width:none] max-sm:[mask-image:linear-gradient(to_right,transparent,black_1rem,black_calc(100%-2rem),transparent)]"
    >
      {tabs.map((tab) => {
        // A section stays current on its sub-pages (a claim under Claims), except the workspace root.
        const active = pathname === tab.href || (tab.href.split("/").length > 3 && pathname.startsWith(`${tab.href}/`));
        return (
          <PendingLink
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`shrink-0 border-b-2 px-1 pb-3 text-sm font-medium whitespace-nowrap ${active ? "border-brand-600 text-brand-700" : "border-transparent text-stone-600 hover:text-stone-900"}`}
          >
            {tab.label}
          </PendingLink>
        );
      })}
    </nav>
  );
}
