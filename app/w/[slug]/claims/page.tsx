import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClaimFiltersForm } from "@/components/claims/claim-filters-form";
import { ClaimQueue } from "@/components/claims/claim-queue";
import { claimFilterErrors } from "@/components/claims/filter-errors";
import { Alert } from "@/components/ui/alert";
import { PagerLinks } from "@/components/ui/pager-links";
import { can } from "@/lib/auth/permissions";
import { requirePageAccess } from "@/lib/auth/page-access";
import { listClaims, onlySymbols, parseClaimFilters } from "@/lib/claims/list-claims";
import { onlyTheCursorIsWrong } from "@/lib/api-v1/pagination";
import { listWorkspaceTags } from "@/lib/claims/workspace-tags";
import { getVerdictLabels } from "@/lib/claims/workspace-labels";
import { uiLocale } from "@/lib/i18n/ui-locale";
import { DomainError } from "@/lib/errors";
import { headers } from "next/headers";
import { checkQuery, pageSearchParams } from "@/lib/http/pipeline";
import { listMembers } from "@/lib/members/list-members";
import { latestSeq } from "@/lib/changes";
import { NewChangesBanner } from "@/components/live/new-changes-banner";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("claims.list");
  return { title: t("metaTitle") };
}

type Search = Record<string, string | string[] | undefined>;

const FILTER_KEYS = ["reviewState", "verdict", "tag", "articleId", "claimant", "assignee", "hasSources", "q", "sort", "cursor", "deleted"] as const;

/**
 * What the claims API would refuse in this page's address before filtering (lib/http/pipeline.ts checkQuery): a
 * parameter given twice, one the list doesn't take (`reviewstate=approved`), a value that was no text (`%FF`) or holds
 * a NUL. Shown as the list's bad filters, naming each, not dropped for an unfiltered list or used for an empty one.
 */
function addressError(search: Search, requestHeaders: Headers): DomainError | null {
  try {
    checkQuery(new URL(`http://claims.invalid/?${pageSearchParams(search)}`), { accepted: FILTER_KEYS }, requestHeaders);
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

/**
 * The address's refusal with the filters' own beside it: an unknown parameter no longer hides a bad filter
 * next to it (`reviewState=foo&limit=abc` named only `limit`; the API names both; black-box s34, L3).
 */
function withFilterErrors(address: DomainError, asked: Record<string, string>): DomainError {
  try {
    parseClaimFilters(asked);
    return address;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const fieldCodes = { ...((err.extra.fieldCodes as object | undefined) ?? {}), ...((address.extra.fieldCodes as object | undefined) ?? {}) };
    return new DomainError(400, address.message, { ...err.fields, ...address.fields }, { ...address.extra, fieldCodes });
  }
}

export default async function ClaimsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const [t, common] = await Promise.all([getTranslations("claims.list"), getTranslations("common")]);
  const access = await requirePageAccess(slug, "workspace.view", `/w/${slug}/claims`);
  // The seq first: a change committed while the list renders is counted, not lost.
  const liveSeq = await latestSeq(access.workspace.id);
  const asked = Object.fromEntries(FILTER_KEYS.flatMap((k) => (typeof search[k] === "string" && search[k] ? [[k, search[k]]] : [])));
  const list = (f: typeof asked) => listClaims(access, f).catch((err: unknown) => (err instanceof DomainError ? err : Promise.reject(err)));
  const refused = addressError(search, await headers());
  const [listed, labels, members, tags] = await Promise.all([
    refused ? withFilterErrors(refused, asked) : list(asked),
    uiLocale().then((locale) => getVerdictLabels(access.workspace.id, locale)),
    listMembers(access.workspace.id),
    listWorkspaceTags(access),
  ]);
  // A cursor that isn't one of ours (a stale bookmark) shows the first page with the same filters, saying so, as the article list does.
  const stale = asked.cursor !== undefined && onlyTheCursorIsWrong(listed);
  const filters = stale ? Object.fromEntries(Object.entries(asked).filter(([k]) => k !== "cursor")) : asked;
  const result = stale ? await list(filters) : listed;
  const errors = result instanceof DomainError ? await claimFilterErrors(result) : {};
  const pageHref = (cursor: string) => `/w/${slug}/claims?${new URLSearchParams({ ...(filters as Record<string, string>), cursor }).toString()}`;
  // The same filters from the start (no cursor).
  const withoutCursor = new URLSearchParams(Object.entries(filters as Record<string, string>).filter(([k]) => k !== "cursor"));
  const firstHref = `/w/${slug}/claims${withoutCursor.size ? `?${withoutCursor}` : ""}`;
  const myQueue = filters.assignee === "me";
  const deletedView = filters.deleted === "true";
  const canRestore = can(access.role, "claim.restore");
  return (
    <section aria-labelledby="claims-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="claims-heading" className="text-lg font-semibold">
          {deletedView ? t("headingDeleted") : myQueue ? t("headingMyQueue") : t("heading")}
        </h2>
        <nav aria-label={t("views")} className="flex flex-wrap gap-2 text-sm">
          <Link href={`/w/${slug}/claims`} aria-current={!myQueue && !deletedView ? "page" : undefined} className={`whitespace-nowrap rounded-md px-3 py-1.5 ${!myQueue && !deletedView ? "bg-stone-800 text-white" : "ring-1 ring-stone-300 hover:bg-stone-50"}`}>
            {t("allClaims")}
          </Link>
          <Link href={`/w/${slug}/claims?assignee=me&reviewState=unreviewed,in-review`} aria-current={myQueue ? "page" : undefined} className={`whitespace-nowrap rounded-md px-3 py-1.5 ${myQueue ? "bg-stone-800 text-white" : "ring-1 ring-stone-300 hover:bg-stone-50"}`}>
            {t("myQueue")}
          </Link>
          {canRestore ? (
            <Link href={`/w/${slug}/claims?deleted=true`} aria-current={deletedView ? "page" : undefined} className={`whitespace-nowrap rounded-md px-3 py-1.5 ${deletedView ? "bg-stone-800 text-white" : "ring-1 ring-stone-300 hover:bg-stone-50"}`}>
              {t("deleted")}
            </Link>
          ) : null}
        </nav>
      </div>
      <NewChangesBanner slug={slug} after={liveSeq} kinds="claims" />
      <ClaimFiltersForm slug={slug} filters={filters as Record<string, string>} labels={labels} members={members.map((m) => ({ id: m.user.id, name: m.user.name }))} tags={tags} errors={errors} />
      {stale ? (
        <div className="mt-4">
          <Alert tone="info">{common("staleCursor")}</Alert>
        </div>
      ) : null}
      {result instanceof DomainError ? (
        <div className="mt-4">
          <Alert>
            {Object.keys(errors).length ? (
              <>
                <p className="font-medium">{t("badFilters")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {Object.entries(errors).map(([key, message]) => (
                    <li key={key}>{message}</li>
                  ))}
                </ul>
              </>
            ) : (
              result.message
            )}
          </Alert>
        </div>
      ) : (
        <>
          <ClaimQueue
            slug={slug}
            items={result.items}
            labels={labels}
            canBulk={can(access.role, "claim.edit")}
            filtered={Object.keys(filters).some((k) => k !== "sort" && k !== "cursor")}
            symbolsOnly={typeof filters.q === "string" && onlySymbols(filters.q)}
            members={members.map((m) => ({ id: m.user.id, name: m.user.name }))}
          />
          <PagerLinks
            links={[
              filters.cursor ? { href: firstHref, text: t("firstPage") } : null,
              result.prevCursor ? { href: pageHref(result.prevCursor), text: t("previousPage") } : null,
              result.nextCursor ? { href: pageHref(result.nextCursor), text: t("nextPage") } : null,
            ]}
          />
        </>
      )}
    </section>
  );
}
