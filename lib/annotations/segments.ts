/**
 * Overlapping highlights cut into runs that each have one fixed set of
 * covering annotations, so every run can show how many cover it and which.
 */
export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  ids: string[];
}

export function segmentSpans(spans: readonly Span[]): Segment[] {
  const points: { at: number; id: string; open: boolean }[] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    points.push({ at: s.start, id: s.id, open: true }, { at: s.end, id: s.id, open: false });
  }
  points.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const active = new Set<string>();
  const out: Segment[] = [];
  let last = -1;
  for (const p of points) {
    if (active.size && p.at > last) out.push({ start: last, end: p.at, ids: [...active] });
    if (p.open) active.add(p.id);
    else active.delete(p.id);
    last = p.at;
  }
  return out;
}
