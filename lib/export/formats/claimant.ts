/**
 * Whether a claimant is an organisation rather than a person, for the
 * ClaimReview's `itemReviewed.author` (schema.org Organization or Person).
 * Claimtrail stores the claimant as free text, so this is a heuristic,
 * deliberately conservative (a person is the default), documented in the
 * README ("schema.org ClaimReview"). An organisation is a claimant that:
 *
 * - ends with a word that names a body ("City Council", "Acme Ltd",
 *   "Daily News"), not a role in one ("Council leader" stays a Person);
 * - starts with "Ministry of", "Department of", "Office of" and the like;
 * - is an acronym of 2–6 capitals (WHO, NATO, BBC).
 */
const BODY_LAST_WORDS =
  "ministry|department|government|council|party|agency|office|bureau|commission|committee|institute|association|federation|union|company|corporation|corp|inc|ltd|llc|plc|gmbh|ag|sa|bank|university|college|school|hospital|newspaper|news|times|post|tv|radio|foundation|authority|police|army|parliament|senate|congress|court|assembly|administration|organisation|organization|group|campaign|network|service|services";
const LAST_WORD = new RegExp(`(^|\\s)(${BODY_LAST_WORDS})\\.?$`, "i");
const BODY_OF = /^(the\s+)?(ministry|department|office|bureau|government|council|commission|committee|house|court|union)\s+(of|for)\s/i;
const ACRONYM = /^[A-Z]{2,6}$/;

export function claimantIsOrganisation(claimant: string): boolean {
  const name = claimant.trim();
  return ACRONYM.test(name) || LAST_WORD.test(name) || BODY_OF.test(name);
}
