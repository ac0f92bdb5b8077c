"use client";

import { useState } from "react";
import { apiSend } from "./api";

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list that the server gives a page at a time (`nextCursor` continues), grown by "Show more":
 * the first page comes with the page, later ones are appended as they load. A failed page
 * leaves the list as it was and says why; the button can be pressed again.
 */
export function useCursorPages<T>(first: T[], firstCursor: string | null, pageUrl: (cursor: string) => string) {
  const [more, setMore] = useState<T[]>([]);
  const [cursor, setCursor] = useState(firstCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    const res = await apiSend<CursorPage<T>>("GET", pageUrl(cursor));
    setLoading(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setMore((prev) => [...prev, ...res.data.items]);
    setCursor(res.data.nextCursor);
  }

  return { items: [...first, ...more], hasMore: cursor !== null, loading, error, loadMore };
}
