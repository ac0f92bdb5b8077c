"use client";

import { useTranslations } from "next-intl";
import Link, { useLinkStatus } from "next/link";
import type { ComponentProps } from "react";
import { createPortal } from "react-dom";

/**
 * While this link's page loads: a thin bar across the top of the window and one
 * live region (`role="status"`, `aria-busy`) saying so. It is rendered into
 * <body>, not inside the link, so the link's accessible name stays its own.
 *
 * Why not `loading.tsx`: a route-level loading boundary makes Next stream the
 * page shell before the page runs, so a page that turns out to be forbidden or
 * not found answers 200 instead of 403/404. Pending state on the link keeps
 * the statuses true and still answers a click at once.
 */
function PendingIndicator() {
  const { pending } = useLinkStatus();
  const t = useTranslations("layout");
  if (!pending) return null;
  return createPortal(
    <div role="status" aria-busy="true" aria-label={t("loadingPage")} data-testid="page-loading" className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-100">
      <div aria-hidden="true" className="ct-progress h-full w-1/3 bg-brand-600" />
    </div>,
    document.body,
  );
}

/** A next/link that shows the page-loading bar while its navigation is pending. */
export function PendingLink({ children, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link {...props}>
      {children}
      <PendingIndicator />
    </Link>
  );
}
