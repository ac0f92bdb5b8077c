"use client";

import type { Send } from "./use-claim";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/locale";
import type { CommentView } from "@/lib/claims/claim-dto";
import type { RichDoc } from "@/lib/claims/rich-text";
import { RichText, RichTextEditor } from "./rich-text-editor";


/**
 * Runs one request at a time: a double-click or a second Enter while the first is on its way
 * does nothing (a ref, because two clicks can land before React re-renders the disabled button).
 */
function useOneAtATime(): [boolean, (work: () => Promise<void>) => Promise<void>] {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  return [
    busy,
    async (work) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setBusy(true);
      try {
        await work();
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
  ];
}

function Comment({ c, mine, canDeleteAny, send }: { c: CommentView; mine: boolean; canDeleteAny: boolean; send: Send }) {
  const t = useTranslations("claims.comments");
  const [editing, setEditing] = useState(false);
  const [saving, once] = useOneAtATime();
  const [body, setBody] = useState<RichDoc>(c.body);
  return (
    <li className="rounded-lg bg-white p-3 ring-1 ring-stone-200">
      <p className="text-xs text-stone-500">
        <strong className="font-medium text-stone-800">{c.author?.name ?? t("someone")}</strong> · <Time value={c.createdAt} style="date-time" />
        {c.edited ? ` · ${t("edited")}` : ""}
      </p>
      {editing ? (
        <div className="mt-2 space-y-2">
          <RichTextEditor id={`comment-${c.id}`} label={t("editLabel")} value={c.body} onChange={(doc) => setBody(doc)} />
          <div className="flex gap-2">
            <Button
              className="py-1"
              disabled={saving}
              aria-busy={saving}
              onClick={() =>
                once(async () => {
                  // Nothing changed: close without a request.
                  if (JSON.stringify(body) === JSON.stringify(c.body) || (await send("PATCH", `/comments/${c.id}`, { body })).ok) setEditing(false);
                })
              }
            >
              {t("save")}
            </Button>
            <Button variant="secondary" className="py-1" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-1">
          <RichText doc={c.body} />
        </div>
      )}
      {!editing && (mine || canDeleteAny) ? (
        <div className="mt-2 flex gap-1 text-xs">
          {mine ? (
            <button type="button" onClick={() => setEditing(true)} className="rounded px-1.5 py-0.5 text-stone-600 hover:bg-stone-100">
              {t("edit")}
            </button>
          ) : null}
          <button type="button" onClick={() => void send("DELETE", `/comments/${c.id}`)} className="rounded px-1.5 py-0.5 text-stone-600 hover:bg-red-50 hover:text-red-700">
            {t("delete")}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** The team's discussion of a claim. */
export function CommentsSection({ slug, comments, currentUserId, canComment, canDeleteAny, send }: { slug: string; comments: CommentView[]; currentUserId: string; canComment: boolean; canDeleteAny: boolean; send: Send }) {
  const t = useTranslations("claims.comments");
  const [draft, setDraft] = useState<{ doc: RichDoc; text: string } | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [key, setKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [posting, once] = useOneAtATime();
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="font-semibold">
        {t("heading")} <span className="font-normal text-stone-500">({comments.length})</span>
      </h2>
      {comments.length === 0 ? <p className="mt-2 text-sm text-stone-500">{t("empty")}</p> : null}
      <ol className="mt-3 space-y-2">
        {comments.map((c) => (
          <Comment key={c.id} c={c} mine={c.author?.id === currentUserId} canDeleteAny={canDeleteAny} send={send} />
        ))}
      </ol>
      {canComment ? (
        <div className="mt-3 space-y-2">
          <RichTextEditor key={key} id="new-comment" label={t("newLabel")} value={null} mentionsIn={slug} onChange={(doc, text) => setDraft({ doc, text })} />
          {error ? <p className="text-sm text-red-700">{error}</p> : null}
          {ignored.length ? (
            <p className="text-sm text-amber-800" role="status">
              {t("ignored", { names: ignored.join(", "), count: ignored.length })}
            </p>
          ) : null}
          <Button
            disabled={posting}
            aria-busy={posting}
            onClick={() =>
              once(async () => {
                if (!draft?.text.trim()) return setError(t("writeFirst"));
                setError(null);
                setIgnored([]);
                const res = await send("POST", "/comments", { body: draft.doc });
                if (res.ok) {
                  const answer = res.data as Partial<CommentView> | undefined;
                  setIgnored(answer?.mentionsIgnored ?? []);
                  setDraft(null);
                  setKey((k) => k + 1);
                }
              })
            }
          >
            {t("post")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
