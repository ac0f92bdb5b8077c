/** Characters of article text shown either side of a mention (lib/claims/claim-reads.ts cuts them). */
export const CONTEXT_CHARS = 200;
