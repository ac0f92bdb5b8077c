/**
 * What a workspace page shows while the next one loads (the `loading.tsx`
 * files under app/w/[slug]): a thin bar across the top of the window, and grey
 * blocks in the shape of the page to come, so a click is answered at once.
 * One live region with aria-busy tells screen readers that something is
 * loading; the blocks themselves are hidden from them. The bar and the blocks
 * stand still for people who ask for reduced motion.
 */
type Shape = "list" | "article" | "claim";

const bar = (width: string, height = "h-4") => <span className={`block ${height} ${width} rounded bg-stone-200`} />;

function ListShape() {
  return (
    <>
      <div className="flex items-center justify-between">
        {bar("w-32", "h-6")}
        {bar("w-28", "h-9")}
      </div>
      <div className="mt-6 divide-y divide-stone-200 overflow-hidden rounded-xl bg-white ring-1 ring-stone-200">
        {["w-3/4", "w-2/3", "w-5/6", "w-1/2"].map((w) => (
          <div key={w} className="space-y-2 px-5 py-4">
            {bar(w, "h-5")}
            {bar("w-1/3", "h-3")}
          </div>
        ))}
      </div>
    </>
  );
}

function ArticleShape() {
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="max-w-2xl space-y-3">
        {bar("w-5/6", "h-8")}
        {bar("w-1/3", "h-3")}
        <div className="space-y-2 pt-4">
          {["w-full", "w-full", "w-11/12", "w-full", "w-4/5", "w-full", "w-2/3"].map((w, i) => (
            <span key={i} className={`block h-4 ${w} rounded bg-stone-200`} />
          ))}
        </div>
      </div>
      <div className="space-y-3 rounded-xl bg-white p-4 ring-1 ring-stone-200 max-lg:hidden">
        {bar("w-1/2", "h-5")}
        {bar("w-full", "h-12")}
        {bar("w-full", "h-12")}
      </div>
    </div>
  );
}

function ClaimShape() {
  return (
    <div className="max-w-3xl space-y-4">
      {bar("w-24", "h-3")}
      {bar("w-5/6", "h-7")}
      {bar("w-1/2", "h-4")}
      <div className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        {bar("w-1/3", "h-5")}
        {bar("w-full")}
        {bar("w-4/5")}
      </div>
    </div>
  );
}

export function LoadingSkeleton({ shape = "list" }: { shape?: Shape }) {
  return (
    <div role="status" aria-busy="true" aria-label="Loading the page" data-testid="page-loading">
      <div aria-hidden="true" className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-100">
        <div className="ct-progress h-full w-1/3 bg-brand-600" />
      </div>
      <div aria-hidden="true" className="motion-safe:animate-pulse">
        {shape === "article" ? <ArticleShape /> : shape === "claim" ? <ClaimShape /> : <ListShape />}
      </div>
    </div>
  );
}
