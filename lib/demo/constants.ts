/** The demo's fixed names, apart from the seed so pages can ask "is this the demo?" without loading it. */
export const DEMO_EMAIL = "demo@claimtrail.local";
/** The second person of the demo desk: approvals and send-backs are theirs. Nobody signs in as them (a random password nobody sees). */
export const DEMO_REVIEWER_EMAIL = "reviewer@claimtrail.local";
export const DEMO_WORKSPACE_SLUG = "demo-newsroom";
