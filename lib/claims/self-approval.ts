import type { UserRef } from "./claim-dto";

/**
 * The "a second person must approve" rule in words. Client-safe: the claim
 * page disables Approve with the same reason the server's 403 gives.
 * Null when this person may approve.
 */
export function selfApprovalReason(authors: UserRef[], userId: string): string | null {
  return authors.some((a) => a.id === userId)
    ? "This workspace needs a second person to approve: you set, explained or submitted this verdict, so another reviewer has to approve it."
    : null;
}
