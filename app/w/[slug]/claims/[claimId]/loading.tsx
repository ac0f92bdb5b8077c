import { LoadingSkeleton } from "@/components/layout/loading-skeleton";

/** A claim opened from the list or the reader: the claim page's shape while it loads. */
export default function ClaimLoading() {
  return <LoadingSkeleton shape="claim" />;
}
