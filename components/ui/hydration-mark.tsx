"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has hydrated the page (`<html data-hydrated>`): the browser tests wait for it
 * after each page load (e2e/test.ts), since what is typed into a controlled field before hydration is reset by it.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
