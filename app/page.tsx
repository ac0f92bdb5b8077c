import Link from "next/link";
import type { Metadata } from "next";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

export const metadata: Metadata = { title: "Your workspaces" };

export default async function HomePage() {
  const user = await requireUser("/");
  const workspaces = await listWorkspaces(user.id);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Your workspaces</h1>
      <p className="mt-1 text-sm text-stone-600">A workspace is a team&apos;s shared set of articles, claims and verdicts.</p>
      {workspaces.length === 0 ? (
        <div className="mt-8 rounded-xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
          <h2 className="font-medium">You&apos;re not in any workspace yet</h2>
          <p className="mt-1 text-sm text-stone-600">Create one for your team below, or open an invite link from a colleague.</p>
        </div>
      ) : (
        <ul className="mt-8 divide-y divide-stone-200 overflow-hidden rounded-xl bg-white ring-1 ring-stone-200" aria-label="Workspaces">
          {workspaces.map((w) => (
            <li key={w.id}>
              <Link href={`/w/${w.slug}`} className="flex items-center justify-between px-5 py-4 hover:bg-stone-50 focus-visible:bg-stone-50">
                <span>
                  <span className="block font-medium text-stone-900">{w.name}</span>
                  <span className="text-sm text-stone-500">
                    {w.articleCount} article{w.articleCount === 1 ? "" : "s"} · {w.memberCount} member{w.memberCount === 1 ? "" : "s"}
                  </span>
                </span>
                <span className="rounded-full bg-stone-100 px-2.5 py-0.5 text-xs font-medium text-stone-700">{ROLE_LABELS[w.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-workspace" className="mt-10 rounded-xl bg-white p-6 ring-1 ring-stone-200">
        <h2 id="new-workspace" className="font-medium">
          Create a workspace
        </h2>
        <p className="mt-1 text-sm text-stone-600">You&apos;ll be its admin and can invite your team.</p>
        <CreateWorkspaceForm />
      </section>
    </div>
  );
}
