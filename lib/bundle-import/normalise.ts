/**
 * A bundle with its identity taken out, for comparing two bundles of the
 * same data ("export, import elsewhere, export again"): every id becomes an
 * ordinal placeholder ("#1", "#2", … in order of first appearance, the same
 * id always the same placeholder), `exportedAt` is dropped, and of the
 * workspace only its verdict labels stay. Everything else is kept exactly.
 *
 * Ids are recognised by key, independently of the importer's own table:
 * `id`, any `…Id`, any `…Ids` list, `filters.articles`, and in events
 * `merged.from` and `restored.reattached` / `notReattached`.
 */
export function normaliseBundle(bundle: unknown): unknown {
  const placeholders = new Map<string, string>();
  const ph = (id: unknown) => {
    if (typeof id !== "string") return id;
    let p = placeholders.get(id);
    if (!p) placeholders.set(id, (p = `#${placeholders.size + 1}`));
    return p;
  };
  const isIdKey = (k: string) => k === "id" || k.endsWith("Id");
  const isIdsKey = (k: string) => k.endsWith("Ids");

  function walk(value: unknown, extraIds: Set<string> = new Set(), extraLists: Set<string> = new Set()): unknown {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (!value || typeof value !== "object") return value;
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      if ((isIdKey(k) || extraIds.has(k)) && typeof v === "string") out[k] = ph(v);
      else if ((isIdsKey(k) || extraLists.has(k)) && Array.isArray(v)) out[k] = v.map(ph);
      else if (k === "data" && typeof obj.kind === "string") {
        const kind = obj.kind;
        out[k] = walk(v, new Set(kind === "merged" ? ["from"] : []), new Set(kind === "restored" ? ["reattached", "notReattached"] : []));
      } else out[k] = walk(v);
    }
    return out;
  }

  const b = bundle as Record<string, unknown>;
  const { exportedAt: _exportedAt, workspace, filters, ...rest } = b;
  void _exportedAt;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ workspace, filters, ...rest })) {
    if (k === "workspace") out[k] = { verdictLabels: (workspace as Record<string, unknown>)?.verdictLabels, verdictLabelsByLocale: (workspace as Record<string, unknown>)?.verdictLabelsByLocale };
    else if (k === "filters") out[k] = walk(v, new Set(), new Set(["articles"]));
    else out[k] = walk(v);
  }
  return out;
}
