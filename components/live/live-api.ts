/** The live endpoints' addresses, in one place (components never build these by hand). */
export interface LiveTarget {
  slug: string;
  article?: string;
  claim?: string;
}

function scopeParams(target: LiveTarget, after: number): URLSearchParams {
  const p = new URLSearchParams({ after: String(after) });
  if (target.article) p.set("article", target.article);
  if (target.claim) p.set("claim", target.claim);
  return p;
}

export const liveApi = {
  stream: (t: LiveTarget, after: number) => `/api/w/${encodeURIComponent(t.slug)}/live?${scopeParams(t, after)}`,
  poll: (t: LiveTarget, after: number) => `/api/w/${encodeURIComponent(t.slug)}/changes?${scopeParams(t, after)}`,
  presence: (slug: string) => `/api/w/${encodeURIComponent(slug)}/presence`,
};
