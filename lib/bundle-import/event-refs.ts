import type { ClaimEventKind } from "@/lib/claims/claim-dto";

/**
 * Which keys of a claim event's `data` hold ids (see ClaimEventView in
 * lib/claims/claim-dto.ts). Entity ids are rewritten through the import's
 * id map; user refs ({ id, name } in `edited` assignee changes) through the
 * people map.
 */
const ENTITY_KEYS: Partial<Record<ClaimEventKind, { one?: string[]; many?: string[] }>> = {
  created: { one: ["annotationId", "articleId"] },
  "mention-added": { one: ["annotationId", "articleId"] },
  "mention-removed": { one: ["annotationId", "articleId"] },
  "source-added": { one: ["sourceId"] },
  "source-removed": { one: ["sourceId"] },
  "source-edited": { one: ["sourceId"] },
  "relation-added": { one: ["relationId", "otherId"] },
  "relation-removed": { one: ["relationId", "otherId"] },
  "review-state": { one: ["commentId"] },
  merged: { one: ["from"] },
  deleted: { many: ["mentionIds"] },
  restored: { many: ["reattached", "notReattached"] },
  commented: { one: ["commentId"] },
};

/** Keys of each `merged` event's relationsDropped entries. */
const DROPPED_KEYS = ["relationId", "fromId", "toId"];

type Data = Record<string, unknown>;

export interface EventRewrite {
  entity: (old: string) => string;
  /** A bundle person's new user id, or null when the person wasn't matched. */
  user: (old: string) => string | null;
}

/** A copy of `data` with the ids it holds rewritten; every other value as it was. */
export function rewriteEventData(kind: ClaimEventKind, data: Data, map: EventRewrite): Data {
  const out: Data = { ...data };
  const keys = ENTITY_KEYS[kind] ?? {};
  for (const key of keys.one ?? []) if (typeof out[key] === "string") out[key] = map.entity(out[key]);
  for (const key of keys.many ?? []) if (Array.isArray(out[key])) out[key] = out[key].map((v) => (typeof v === "string" ? map.entity(v) : v));
  if (kind === "merged" && Array.isArray(out.relationsDropped)) {
    out.relationsDropped = out.relationsDropped.map((d) => {
      if (!d || typeof d !== "object") return d;
      const copy: Data = { ...(d as Data) };
      for (const key of DROPPED_KEYS) if (typeof copy[key] === "string") copy[key] = map.entity(copy[key]);
      return copy;
    });
  }
  if (kind === "edited" && out.field === "assignee") {
    for (const key of ["from", "to"]) {
      const ref = out[key];
      if (ref && typeof ref === "object" && typeof (ref as Data).id === "string") out[key] = { ...(ref as Data), id: map.user((ref as Data).id as string) };
    }
  }
  return out;
}
