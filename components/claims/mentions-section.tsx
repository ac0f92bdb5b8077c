import Link from "next/link";
import type { MentionView } from "@/lib/claims/claim-dto";

const STATUS: Record<MentionView["status"], string | null> = { exact: null, moved: "Moved", fuzzy: "Fuzzy match", orphaned: "Orphaned" };

/** Every place the claim is made: the article, and the quote in its context. */
export function MentionsSection({ slug, mentions }: { slug: string; mentions: MentionView[] }) {
  const articles = new Set(mentions.map((m) => m.article.id)).size;
  return (
    <section aria-labelledby="mentions-heading">
      <h2 id="mentions-heading" className="font-semibold">
        Mentions <span className="font-normal text-stone-500">({mentions.length} in {articles} article{articles === 1 ? "" : "s"})</span>
      </h2>
      <ul className="mt-3 space-y-3">
        {mentions.map((m) => (
          <li key={m.annotationId} className="rounded-lg bg-white p-4 ring-1 ring-stone-200">
            <div className="flex items-center justify-between gap-2">
              <Link href={`/w/${slug}/articles/${m.article.id}#highlight-${m.annotationId}`} className="font-medium text-brand-700 hover:underline">
                {m.article.title}
              </Link>
              {STATUS[m.status] ? <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800">{STATUS[m.status]}</span> : null}
            </div>
            <p className="mt-2 font-serif text-[0.95rem] leading-relaxed text-stone-600">
              {m.before ? <span>…{m.before}</span> : null}
              <mark className="bg-amber-100 px-0.5 text-stone-900">{m.exact}</mark>
              {m.after ? <span>{m.after}…</span> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
