"use client";

import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type ButtonVariant } from "./button-class";
import { useHydrated } from "./use-hydrated";

/**
 * Disabled until the page has hydrated: before that a click does nothing (its handler isn't attached yet) and
 * a form's submit button would send the form natively, as a GET, with what was typed (a password too) in the
 * address. On a slow phone that window is seconds; the browser tests met it under load.
 */
export function Button({ variant = "primary", className = "", disabled, ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  const hydrated = useHydrated();
  // data-hydrating: the browser tests wait until no element has it (e2e/test.ts); a page's boundaries may hydrate after its root.
  return <button className={buttonClass(variant, className)} disabled={disabled || !hydrated} data-hydrating={hydrated ? undefined : ""} {...props} />;
}
