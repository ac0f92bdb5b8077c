"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from "react";

/** Past this many entries only the visible ones are rendered: a thousand highlights must not cost a thousand list items. */
const VIRTUAL_FROM = 40;

export interface RowProps {
  style?: CSSProperties;
  measure?: (el: HTMLElement | null) => void;
  index?: number;
}

interface Props<T> {
  items: T[];
  keyOf(item: T): string;
  render(item: T, row: RowProps): ReactNode;
  scrollParent: RefObject<HTMLElement | null>;
  /** Scrolls this item into view when it changes. */
  reveal?: { key: string; seq: number } | null;
  className?: string;
}

export function EntryList<T>(props: Props<T>) {
  return props.items.length < VIRTUAL_FROM ? <PlainList {...props} /> : <VirtualList {...props} />;
}

function PlainList<T>({ items, keyOf, render, reveal, className }: Props<T>) {
  useEffect(() => {
    if (reveal && items.some((i) => keyOf(i) === reveal.key)) document.getElementById(`ann-${reveal.key}`)?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [reveal, items, keyOf]);
  return <ol className={`space-y-2 ${className ?? ""}`}>{items.map((item) => render(item, {}))}</ol>;
}

const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

function VirtualList<T>({ items, keyOf, render, scrollParent, reveal, className }: Props<T>) {
  const list = useRef<HTMLOListElement>(null);
  const [margin, setMargin] = useState(0);
  useIsomorphicLayoutEffect(() => setMargin(list.current?.offsetTop ?? 0), []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer hands out fresh functions; this list is left to render normally
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollParent.current,
    estimateSize: () => 92,
    overscan: 6,
    gap: 8,
    scrollMargin: margin,
    getItemKey: (i) => keyOf(items[i]),
    initialRect: { width: 320, height: 900 },
  });
  useEffect(() => {
    if (!reveal) return;
    const index = items.findIndex((i) => keyOf(i) === reveal.key);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: "center" });
  }, [reveal, items, keyOf, virtualizer]);
  return (
    <ol ref={list} className={`relative ${className ?? ""}`} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) =>
        render(items[row.index], {
          index: row.index,
          measure: virtualizer.measureElement,
          style: { position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${row.start - margin}px)` },
        }),
      )}
    </ol>
  );
}
