import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">You can&apos;t open this page</h1>
      <p className="mt-3 text-stone-600">Your role in this workspace doesn&apos;t include it. A workspace admin can change your role.</p>
      <Link href="/" className={buttonClass("secondary", "mt-8")}>
        Go to your workspaces
      </Link>
    </div>
  );
}
