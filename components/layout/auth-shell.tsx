import type { ReactNode } from "react";

/** The centred card that sign-in, sign-up and invite pages share. */
export function AuthShell({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-[calc(100vh-3.5rem)] items-start justify-center px-4 pt-16 pb-12">
      <div className="w-full max-w-sm">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
        {subtitle ? <p className="mt-2 text-sm text-stone-600">{subtitle}</p> : null}
        <div className="mt-6 rounded-xl bg-white p-6 shadow-sm ring-1 ring-stone-200">{children}</div>
      </div>
    </div>
  );
}
