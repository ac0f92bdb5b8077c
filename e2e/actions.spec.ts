/**
 * Every user action in the UI, and the browser test that covers it (issue #10: nothing a person
 * can click stays untested). One action a line, as `- <action> → <spec file> › <test title>`;
 * scripts/actions-list.test.ts fails when a named test doesn't exist in that file, when a line
 * doesn't follow the format, or when a test in an actions*.spec.ts file is listed nowhere.
 * The tests for the actions no other spec covered are here and in actions-articles.spec.ts and
 * actions-claims.spec.ts.
 *
 * Signing up, in and out; the account
 * - Sign up (name, email, password) → foundation.spec.ts › a new user signs up, creates a workspace, sees its empty article list, signs out and in again
 * - Sign up with invalid fields: each field explains its error → foundation.spec.ts › sign-up explains what is wrong next to each field
 * - Sign in (email in any case) → foundation.spec.ts › a new user signs up, creates a workspace, sees its empty article list, signs out and in again
 * - Sign in with a wrong password, until throttled → foundation.spec.ts › sign-in is refused after 5 failed attempts, with the wait time
 * - Sign in returns to where you were going, never to another site → sessions.spec.ts › sign-in never sends you to another site, however the callback URL is disguised
 * - Sign-in page "Create an account" and sign-up page "Sign in" links, keeping the return address → actions.spec.ts › sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say
 * - Sign out (header) → sessions.spec.ts › signing out ends the session: the old session cookie no longer works
 * - Header: your name opens Account → sessions.spec.ts › the account page: a wrong current password is explained inline; a change signs out the other browsers, not this one
 * - Header: API tokens → tokens.spec.ts › a personal API token is created once, works with its owner's role in one workspace, and stops working when revoked
 * - Header: the logo leads home → actions.spec.ts › sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say
 * - Skip to content link (first Tab) → actions.spec.ts › the skip link jumps past the header, and the not-found page leads back to the workspaces
 * - Account: change password (wrong current one, too short, then changed) → sessions.spec.ts › the account page: a wrong current password is explained inline; a change signs out the other browsers, not this one
 * - Account: sign out everywhere → sessions.spec.ts › sign out everywhere ends this browser's session and every other one
 * - Account: the API tokens link (the way to them on a phone) → actions.spec.ts › sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say
 * - Header: the bell (unread count) opens the Inbox → notifications.spec.ts › @mention autocomplete in the discussion; the member's bell counts it, the inbox marks it read; its e-mail's unsubscribe link works signed out
 * - Inbox: Mark read, Mark all read, a notification's link to its claim → notifications.spec.ts › @mention autocomplete in the discussion; the member's bell counts it, the inbox marks it read; its e-mail's unsubscribe link works signed out
 * - Inbox: Load more (the older notifications, each once) → notifications.spec.ts › the inbox pages: 50 at a time, “Load more” brings the older ones once each, and the unread count covers every page
 * - Discussion: @mention a member (type @, choose with the keyboard or a click) → notifications.spec.ts › @mention autocomplete in the discussion; the member's bell counts it, the inbox marks it read; its e-mail's unsubscribe link works signed out
 * - Unsubscribe page (from an e-mail, signed out): Unsubscribe → notifications.spec.ts › @mention autocomplete in the discussion; the member's bell counts it, the inbox marks it read; its e-mail's unsubscribe link works signed out
 * - Account: notification settings per kind, saved → notifications.spec.ts › notification settings on the account page are saved and kept
 * - Sign-in page: Forgot password? → send reset link (invalid email explained) → notifications.spec.ts › forgot password: the e-mailed link sets a new password once, and signs out every session
 * - Reset password page: set a new password (too short explained; a used link refused) → notifications.spec.ts › forgot password: the e-mailed link sets a new password once, and signs out every session
 * - Not-found page: Go to your workspaces → actions.spec.ts › the skip link jumps past the header, and the not-found page leads back to the workspaces
 *
 * Workspaces, members and invites
 * - Create a workspace → foundation.spec.ts › a new user signs up, creates a workspace, sees its empty article list, signs out and in again
 * - Create a workspace with a too-short name: refused at the field → actions.spec.ts › sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say
 * - Open a workspace from the list → actions.spec.ts › sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say
 * - Workspace tabs: Articles, Claims, Dashboard, Export, Members, Settings → actions.spec.ts › sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say
 * - Settings: rename the workspace (and a too-short name refused) → actions.spec.ts › workspace settings: a new name shows in the header and the workspace list after a reload; a one-letter name is refused by its field
 * - Settings: verdict labels → claims-admin.spec.ts › a reviewer merges a duplicate claim, an admin renames a verdict, and the dashboard counts it all
 * - Settings: verdict labels per language (the language tabs, arrow keys between them) → verdict-labels.spec.ts › an admin names a verdict in Russian and English; a teammate sees the label of the UI's language, Ukrainian the built-in name
 * - Settings: public fact-check address (ClaimReview), an unknown placeholder refused → export.spec.ts › a filtered set exports in all five formats, and the downloaded files hold it
 * - Members: change a member's role → actions.spec.ts › members: an admin changes a member's role and removes another; the last admin can neither demote nor remove themself
 * - Members: remove a member (after confirming) → actions.spec.ts › members: an admin changes a member's role and removes another; the last admin can neither demote nor remove themself
 * - Members: the last admin's demotion or removal is refused with the reason → actions.spec.ts › members: an admin changes a member's role and removes another; the last admin can neither demote nor remove themself
 * - Invites: create an invite link with a role → foundation.spec.ts › an admin invites a viewer by link; the viewer joins, sees no edit controls, and forged mutations are refused
 * - Invites: Copy link → actions.spec.ts › invites: the link is copied, a revoked invite stops working, and people already signed in, or signing in from the invite, join with Join workspace
 * - Invites: revoke an open invite → actions.spec.ts › invites: the link is copied, a revoked invite stops working, and people already signed in, or signing in from the invite, join with Join workspace
 * - Invite link: Create an account (sign up and join in one step) → foundation.spec.ts › an admin invites a viewer by link; the viewer joins, sees no edit controls, and forged mutations are refused
 * - Invite link: I already have an account, then Join workspace → actions.spec.ts › invites: the link is copied, a revoked invite stops working, and people already signed in, or signing in from the invite, join with Join workspace
 * - Invite link, signed in: Join workspace → actions.spec.ts › invites: the link is copied, a revoked invite stops working, and people already signed in, or signing in from the invite, join with Join workspace
 * - Invite link used twice: refused → foundation.spec.ts › an admin invites a viewer by link; the viewer joins, sees no edit controls, and forged mutations are refused
 *
 * Articles
 * - Add articles (from the article list) → articles.spec.ts › the five reference articles upload at once with their titles; a second upload is recognised; bad files fail by name
 * - Upload files with Choose files (many at once, duplicates and bad files named) → articles.spec.ts › the five reference articles upload at once with their titles; a second upload is recognised; bad files fail by name
 * - Upload files by dropping them on the upload area → actions-articles.spec.ts › files dropped on the upload area are added like chosen ones; a file's Added link opens its article, whose breadcrumb leads back to the list
 * - An upload's Added link opens the article → actions-articles.spec.ts › files dropped on the upload area are added like chosen ones; a file's Added link opens its article, whose breadcrumb leads back to the list
 * - Breadcrumb "← All articles" (import page, reader) → actions-articles.spec.ts › files dropped on the upload area are added like chosen ones; a file's Added link opens its article, whose breadcrumb leads back to the list
 * - Paste an article with a title, format and source details → actions-articles.spec.ts › paste an article: an empty text is refused, the text opens in the reader with its title and source details, Markdown is formatted, and the same text again is recognised
 * - Paste an empty text: refused; paste a text already here: a link to it → actions-articles.spec.ts › paste an article: an empty text is refused, the text opens in the reader with its title and source details, Markdown is formatted, and the same text again is recognised
 * - Import from the web: Read pages with no address: refused at the field → url-import.spec.ts › import from the web: pasted addresses are read for review with an error for each bad one, and the edited details are saved
 * - Import from the web: paste addresses, Read pages: each page's details for review, each bad address with its reason → url-import.spec.ts › import from the web: pasted addresses are read for review with an error for each bad one, and the edited details are saved
 * - Import from the web: edit a page's details, Import articles (a bad field refused at that field, the other pages imported) → url-import.spec.ts › import from the web: pasted addresses are read for review with an error for each bad one, and the edited details are saved
 * - Import from the web: a page already here is flagged with a link and left unticked → url-import.spec.ts › import from the web: pasted addresses are read for review with an error for each bad one, and the edited details are saved
 * - Import from the web: an Imported link opens the article → url-import.spec.ts › import from the web: pasted addresses are read for review with an error for each bad one, and the edited details are saved
 * - Send to Claimtrail bookmarklet: from a page with words selected to Add articles, Import article, Mark as claim on those words → url-import.spec.ts › the Send to Claimtrail bookmarklet brings a page and its selected words; after import they wait in Mark as claim
 * - Import a bundle: choose the file, read the dry run, Cancel or Import, See the claims → actions-articles.spec.ts › bundle import: a broken file is refused with the reason; a bundle from another workspace is checked, cancelled, then imported with its claim
 * - Import annotations from other tools: pick the article, choose the file, read the report per span, Cancel or Import, open the article → annotation-import.spec.ts › annotation import: a broken file is refused with the reason; a Hypothesis file is checked span by span, imported onto the article picked, and its highlights name their author
 * - Open an article from the list → articles.spec.ts › a sentence selected with the mouse becomes a highlight that survives a reload
 * - Edit article: change the text and save a revision → articles.spec.ts › edits move a highlight with its words, and removing its words orphans it
 * - Edit article: the details (title, publisher, tags…) → actions-articles.spec.ts › article editor: Cancel keeps the article as it was; the details and every formatting button are saved as a new revision; History opens the earlier one and leads back
 * - Edit article: Bold, Italic, Heading, Subheading, Bullets, Numbered, Quote → actions-articles.spec.ts › article editor: Cancel keeps the article as it was; the details and every formatting button are saved as a new revision; History opens the earlier one and leads back
 * - Edit article: Cancel → actions-articles.spec.ts › article editor: Cancel keeps the article as it was; the details and every formatting button are saved as a new revision; History opens the earlier one and leads back
 * - Revisions: History → an earlier revision → back to the current one → actions-articles.spec.ts › article editor: Cancel keeps the article as it was; the details and every formatting button are saved as a new revision; History opens the earlier one and leads back
 * - Edit article: a title, publisher or author on two lines or with a direction control is refused at its field → actions-articles.spec.ts › an article's title, publisher and author are one line (N14b-7): a tab or a direction control is refused at its field, in the reader's language
 * - Edit article: Canonical address and Updated; the reader's Canonical address link → actions-articles.spec.ts › article editor: the canonical address and the day the page was updated are saved and shown in the reader; another article's canonical address is refused at its field
 *
 * The reader
 * - Select with the mouse, then Highlight → articles.spec.ts › a sentence selected with the mouse becomes a highlight that survives a reload
 * - Select across paragraphs; select with Shift+arrows and press H → articles.spec.ts › a selection across two paragraphs, and a keyboard selection highlighted with H
 * - H and M straight after a keyboard selection; Escape puts the toolbar away → reader-actions.spec.ts › keyboard: Shift+→ pressed quickly, then H or M at once, marks exactly the selected text every time
 * - Add note, then Ctrl+Enter (a highlight with a note) → actions-articles.spec.ts › the reader: a highlight with a note, closing its card, Make claim from the card with an empty statement refused and a claimant, a click beside the dialog closes it, and Escape closes the overlap picker
 * - Mark as claim (toolbar button) → Create claim → claims.spec.ts › a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights
 * - Mark as claim: attach to a suggested claim → claims.spec.ts › a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights
 * - Mark as claim: search claims and attach → reader-actions.spec.ts › a plain highlight becomes a claim, or a mention of one, later; marking the same words again reuses the highlight
 * - Mark as claim: an edited statement and a claimant; an empty statement refused → actions-articles.spec.ts › the reader: a highlight with a note, closing its card, Make claim from the card with an empty statement refused and a claimant, a click beside the dialog closes it, and Escape closes the overlap picker
 * - Mark as claim dialog: Tab stays inside; Escape and Cancel close it → reader-actions.spec.ts › the Mark-as-claim dialog keeps focus inside while open, closes with Escape or Cancel, and gives focus back to the article
 * - Mark as claim dialog: a click beside it closes it → actions-articles.spec.ts › the reader: a highlight with a note, closing its card, Make claim from the card with an empty statement refused and a claimant, a click beside the dialog closes it, and Escape closes the overlap picker
 * - Marking words already highlighted (H or M) reuses the highlight → reader-actions.spec.ts › a plain highlight becomes a claim, or a mention of one, later; marking the same words again reuses the highlight
 * - Click a highlight in the text: its card → reader-actions.spec.ts › a plain highlight becomes a claim, or a mention of one, later; marking the same words again reuses the highlight
 * - Click overlapping highlights: choose one in the picker → articles.spec.ts › three overlapping highlights: the shared words are darkest, and a click there asks which one
 * - Overlap picker: Escape closes it → actions-articles.spec.ts › the reader: a highlight with a note, closing its card, Make claim from the card with an empty statement refused and a claimant, a click beside the dialog closes it, and Escape closes the overlap picker
 * - Highlight list: Make claim on an entry → reader-actions.spec.ts › a plain highlight becomes a claim, or a mention of one, later; marking the same words again reuses the highlight
 * - Highlight list: open an entry → phone.spec.ts › a phone: touch selection marked with taps, highlights in a sheet, a tapped highlight opens its claim
 * - Highlight list: a click deep in a long article reveals its entry → long-article.spec.ts › a long article with many highlights: the list renders only what is visible, and a click deep in the text reveals its entry
 * - Highlight list: Delete (own highlight) → articles.spec.ts › an annotator deletes their highlight; an admin sees it under Deleted and restores it
 * - Highlight list: Restore (admins, under Deleted) → articles.spec.ts › an annotator deletes their highlight; an admin sees it under Deleted and restores it
 * - Highlight card: Attach to claim → reader-actions.spec.ts › a plain highlight becomes a claim, or a mention of one, later; marking the same words again reuses the highlight
 * - Highlight card: Make claim → actions-articles.spec.ts › the reader: a highlight with a note, closing its card, Make claim from the card with an empty statement refused and a claimant, a click beside the dialog closes it, and Escape closes the overlap picker
 * - Highlight card and claim card: close (×) → actions-articles.spec.ts › the reader: a highlight with a note, closing its card, Make claim from the card with an empty statement refused and a claimant, a click beside the dialog closes it, and Escape closes the overlap picker
 * - Claim card: Open claim → → claims.spec.ts › a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights
 * - Claim card: an "Also in" article → actions-articles.spec.ts › a claim made in two articles: the card's Also in link and the claim page's mention link open the other article with that highlight selected
 * - Legend: open it → claims.spec.ts › a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights
 * - A teammate's new highlight appears without a reload → articles.spec.ts › a teammate with the article open sees a new highlight appear without reloading
 * - A viewer's selection offers nothing → articles.spec.ts › a viewer can't annotate: no toolbar on selection, and the API refuses
 * - Phone: select by touch, tap Highlight or Mark as claim → phone.spec.ts › a phone: touch selection marked with taps, highlights in a sheet, a tapped highlight opens its claim
 * - Phone: the Highlights (N) sheet: open, tap an entry, Close; a tapped highlight opens it → phone.spec.ts › a phone: touch selection marked with taps, highlights in a sheet, a tapped highlight opens its claim
 *
 * A claim's page
 * - Edit details: the statement; a conflicting edit is explained, and the form comes back with what was typed → claims.spec.ts › two people editing the same claim: the first save wins, the second is told what changed and keeps what they typed
 * - Edit details: claimant, claim date, tags, assignee; Cancel → actions-claims.spec.ts › claim details: Cancel drops an edit; claimant, date, tags and assignee are saved, kept after a reload and written in the history
 * - Mentions: open the article at that highlight → actions-articles.spec.ts › a claim made in two articles: the card's Also in link and the claim page's mention link open the other article with that highlight selected
 * - Mentions: Detach (after confirming; Cancel; the last mention refused with the reason) → sources-mentions.spec.ts › mentions: Detach asks first and Cancel keeps the mention; a confirmed detach leaves one, and the last one is refused with the reason
 * - Sources: Add source → claims.spec.ts › a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights
 * - Sources: no title refused, Cancel, Remove → actions-claims.spec.ts › sources: one without a title is refused by its field, Cancel closes the form, and a source is removed
 * - Sources: Edit (the form filled in; a bad URL refused at its field; Cancel; saved and in the history) → sources-mentions.spec.ts › sources: Edit opens the form filled in; a bad URL is refused at its field; Cancel keeps the source; a saved edit shows after a reload and in the history
 * - Related claims: Link a claim (type, search, choose, note), Cancel, Remove, the other end's link → actions-claims.spec.ts › related claims: saving with no claim chosen is refused; a claim is found, linked as contradicting with a note, shown from both ends, and unlinked
 * - Discussion: post, edit and delete a comment → reader-actions.spec.ts › claim page: a comment is posted, edited and deleted without reloading, and each change is still there after a reload
 * - Discussion: Bold, Italic, Bullets; an empty comment; Cancel an edit → actions-claims.spec.ts › a comment formatted with the Bold, Italic and Bullets buttons keeps its formatting; an empty comment is not sent, and Cancel drops an edit
 * - Verdict: Propose a verdict with an explanation → claims.spec.ts › a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights
 * - Verdict: the workspace's own label → claims-admin.spec.ts › a reviewer merges a duplicate claim, an admin renames a verdict, and the dashboard counts it all
 * - Verdict: Change verdict, Cancel, a note for the history, the explanation's formatting buttons → actions-claims.spec.ts › verdict and review: the explanation's formatting buttons, a note for the history, Cancel, a changed verdict, a send-back that needs a comment, and reopening an approved claim
 * - Review: Send to review, Approve (refused while something is missing) → claims.spec.ts › a claim made in one article is suggested in another and attached; sourced, given a verdict, reviewed and approved, with every step in its history and the verdict's colour on its highlights
 * - Review: Send back (a comment required), Reopen (with a reason) → actions-claims.spec.ts › verdict and review: the explanation's formatting buttons, a note for the history, Cancel, a changed verdict, a send-back that needs a comment, and reopening an approved claim
 * - Manage: Merge a duplicate into this (search, confirm) → claims-admin.spec.ts › a reviewer merges a duplicate claim, an admin renames a verdict, and the dashboard counts it all
 * - Manage: Cancel the merge search; Delete claim; Restore claim → actions-claims.spec.ts › delete and restore: a deleted claim leaves the list, an admin finds it under Deleted and restores it; Cancel closes the merge search
 * - A viewer sees no controls → claims.spec.ts › a viewer sees a claim but has no controls to change it, and a forged change is refused
 * - Breadcrumb "← All claims" → claims.spec.ts › the claims list: filter by review state, j/k and Enter, and My queue after bulk-assigning a claim to yourself
 *
 * The claims list
 * - Claims list, My queue, dashboard: "N new changes — show" after a teammate's change → live.spec.ts › two teammates see each other's changes live on the reader, the claim page and the claims list, and each other's names
 * - Claim page: "A teammate changed this claim — show" while a form is open → live.spec.ts › on the claim page, a teammate's change waits behind “A teammate changed this claim — show” while a form is open
 * - Filter by review state; All claims → claims.spec.ts › the claims list: filter by review state, j/k and Enter, and My queue after bulk-assigning a claim to yourself
 * - Filters: search, verdict, assignee, tag, claimant, sources, sort; Clear → actions-claims.spec.ts › the claims list: every filter, Clear, x to select a row, Next and Previous page
 * - j / k move, Enter opens → claims.spec.ts › the claims list: filter by review state, j/k and Enter, and My queue after bulk-assigning a claim to yourself
 * - x selects the focused row → actions-claims.spec.ts › the claims list: every filter, Clear, x to select a row, Next and Previous page
 * - Select with the checkbox; bulk Send to review; bulk Assign → claims.spec.ts › the claims list: filter by review state, j/k and Enter, and My queue after bulk-assigning a claim to yourself
 * - My queue → claims.spec.ts › the claims list: filter by review state, j/k and Enter, and My queue after bulk-assigning a claim to yourself
 * - Deleted (admins) → actions-claims.spec.ts › delete and restore: a deleted claim leaves the list, an admin finds it under Deleted and restores it; Cancel closes the merge search
 * - Next page, Previous page, First page → actions-claims.spec.ts › the claims list: every filter, Clear, x to select a row, Next and Previous page
 * - Filters matching nothing; an address the API would refuse (a repeated or misspelt parameter, bytes that are no text) named → actions-claims.spec.ts › the claims list: filters matching nothing say so; what the API would refuse in the address is named, not dropped
 *
 * Dashboard and export
 * - Dashboard: read the counts → claims-admin.spec.ts › a reviewer merges a duplicate claim, an admin renames a verdict, and the dashboard counts it all
 * - Dashboard: the article, most-linked claim and recent-activity links → actions-claims.spec.ts › dashboard: its article, most-linked claim and recent-activity links open their pages
 * - Export: each format (bundle, JSON Lines, CSV, W3C, ClaimReview) downloads → export.spec.ts › a filtered set exports in all five formats, and the downloaded files hold it
 * - Export: the review-state filter → export.spec.ts › a filtered set exports in all five formats, and the downloaded files hold it
 * - Export: articles, verdict, with a verdict, tags, claimant, date range and its field, revisions → actions-claims.spec.ts › export: every filter changes what the set holds, the bundle takes revisions when asked, and a refused set offers no download
 * - Export: a set the server refuses (reversed dates) offers no download, with the reason → actions-claims.spec.ts › export: every filter changes what the set holds, the bundle takes revisions when asked, and a refused set offers no download
 * - Export: filters from the page's address; ones that can't be used are named and none applied → export.spec.ts › the page takes its filters from its address, and says which one it couldn't use
 *
 * API tokens and the API reference
 * - Create a token → tokens.spec.ts › a personal API token is created once, works with its owner's role in one workspace, and stops working when revoked
 * - Copy token; a token with no name is not sent → actions.spec.ts › API tokens: a token with no name is not sent; a new token is copied; the REST API link opens the reference, whose contents jump to each part
 * - Revoke a token (after confirming) → tokens.spec.ts › a personal API token is created once, works with its owner's role in one workspace, and stops working when revoked
 * - API reference: the REST API link, the contents' links → actions.spec.ts › API tokens: a token with no name is not sent; a new token is copied; the REST API link opens the reference, whose contents jump to each part
 *
 * Added with issue #10's rough edges
 * - Settings: a second person must approve (turn off and on) → review-workflow.spec.ts › Approve is disabled, with the reason, when the server would refuse: something missing, or the reviewer's own verdict; another person approves; an admin can turn the rule off
 * - Claim: see what approval still needs before clicking; Send to review; send back with a reason; see Changes requested → review-workflow.spec.ts › what approval needs shows before any click; a send-back reads 'Changes requested' with the reason on the claim, the list, its filter and My queue, until it is sent to review again
 * - Claim: Approve, disabled with the reason for one's own verdict; another reviewer approves → review-workflow.spec.ts › Approve is disabled, with the reason, when the server would refuse: something missing, or the reviewer's own verdict; another person approves; an admin can turn the rule off
 * - Claim: merge into a suggested similar claim, before typing → review-workflow.spec.ts › the merge box suggests similar claims before anything is typed
 * - Claim: save with a version ahead of the server's (told it's the page's mistake) → review-workflow.spec.ts › a version ahead of the server's is worded as the client's mistake, not someone else's change, and the page starts again from the current one
 * - Claim: edit tags of an approved claim (statement, claimant and date locked) → review-workflow.spec.ts › an approved claim's statement, claimant and claim date are locked in the form, with the reason; its tags still change
 * - Claims list: bulk Assign, choosing a person or Nobody first → review-workflow.spec.ts › bulk Assign starts with no choice: Assign is disabled until a person (or 'Nobody') is chosen
 * - Claims list: filter by Changes requested; My queue shows the reason → review-workflow.spec.ts › what approval needs shows before any click; a send-back reads 'Changes requested' with the reason on the claim, the list, its filter and My queue, until it is sent to review again
 * - Claims list: pick a suggested tag; filter by a tag in any case; refused filter values named → formatting.spec.ts › claims filters: tags suggested and matched whatever their case; refused values named on the page and in the API
 * - Claims list on a phone: open Filters (N active) → formatting.spec.ts › the claims filters fold into 'Filters (N active)'; API tokens are cards, not a table scrolling in its box
 * - API tokens on a phone: cards → formatting.spec.ts › the claims filters fold into 'Filters (N active)'; API tokens are cards, not a table scrolling in its box
 * - Reader: Undo a deleted highlight (keyboard), dismiss the notice → reader-edges.spec.ts › a deleted highlight (a mention of an approved claim) comes back exactly with Undo, from the keyboard
 * - Reader on a phone: Undo inside the highlights sheet → reader-edges.spec.ts › on a phone, Undo is in the highlights sheet where the delete happened, and works there
 * - Reader: H on words already highlighted selects the existing highlight → reader-edges.spec.ts › H on words a teammate highlighted since the last poll: no copy is made, theirs is selected
 * - Reader: M on words already a claim shows that claim → reader-edges.spec.ts › M on words a teammate made a claim of meanwhile: no copy, their claim is shown
 * - Upload: choose files, fill each file's details (errors at the field), Import N files, Edit details → reader-edges.spec.ts › uploads: full file names, each file's details checked at their field before anything is sent, editable afterwards
 * - Upload a PDF or a Word (.docx) file; a scanned PDF is refused by name with the reason → pdf-docx.spec.ts › a PDF and a Word file upload in the browser; a highlight on page 2 says p. 2 in the reader and on its claim; a scan is refused by name; the language is shown and corrected
 * - Reader and claim page: a PDF highlight's page ("p. 2") → pdf-docx.spec.ts › a PDF and a Word file upload in the browser; a highlight on page 2 says p. 2 in the reader and on its claim; a scan is refused by name; the language is shown and corrected
 * - Edit article: correct the detected language (a bad code refused at the field) → pdf-docx.spec.ts › a PDF and a Word file upload in the browser; a highlight on page 2 says p. 2 in the reader and on its claim; a scan is refused by name; the language is shown and corrected
 * - Demo workspace: the Start here steps → first-run.spec.ts › the demo workspace says where to start, and its three steps lead to a finished fact-check
 * - Own workspace: the next-step hint until the first claim → first-run.spec.ts › a workspace of one's own says how to make the first claim, until there is one
 * - CLI: reset a user's password (signs their browsers out) → first-run.spec.ts › reset-password from the CLI: the printed password signs in, the old one doesn't, and the signed-in browser is signed out
 *
 * Webhooks and the audit log (workspace settings, admins)
 * - Settings sections: General, Webhooks, Audit log → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: a private or http address refused at its field → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: save the allow-list of private hosts → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: add a webhook (URL, kinds by area, all of an area), secret shown once → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: Deliveries (the log: status, response, time, attempts, next retry) → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: Re-send a delivery → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: All webhooks (back from the log) → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: Edit (address and kinds), Save → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: Disable, Enable → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Webhooks: Rotate secret (after confirming; the new secret shown once) → webhooks-audit.spec.ts › webhooks: rotating the secret shows the new one once; deliveries from then on are signed with it, not the old; the audit log records it
 * - Webhooks: Delete (after confirming) → webhooks-audit.spec.ts › webhooks: refused private address, allow-list, add (secret shown once), a signed delivery reaches the receiver, delivery log and re-send, edit, disable, enable, delete
 * - Audit log: Older changes, Newest → webhooks-audit.spec.ts › audit log: every change listed, filtered by person, kind and dates, paged, exported as CSV and JSON Lines
 * - Audit log: filter by person, kind or area, date range (a reversed range refused) → webhooks-audit.spec.ts › audit log: every change listed, filtered by person, kind and dates, paged, exported as CSV and JSON Lines
 * - Audit log: Clear the filters → webhooks-audit.spec.ts › audit log: every change listed, filtered by person, kind and dates, paged, exported as CSV and JSON Lines
 * - Audit log: Export CSV, Export JSON Lines → webhooks-audit.spec.ts › audit log: every change listed, filtered by person, kind and dates, paged, exported as CSV and JSON Lines
 * - Webhooks and the audit log refused to other roles → webhooks-audit.spec.ts › webhooks and the audit log are for admins: other roles see no Settings tab and are refused the pages and routes
 *
 * Not covered by a browser test, and why:
 *   The error page's "Try again" button shows only when rendering a page fails; no action a person
 *   can take makes a page fail, and the tests don't break the server to force it.
 *   Removing a file from the upload list before importing it has no test of its own.
 */
import { expect, test, type Browser, type Page } from "./test";
import { createWorkspace, fillSignUp, formAlert, inviteMember, newPerson, signUpAndLand, type Person } from "./helpers";

/** A browser of its own (its own cookies) for a person who signs up there. */
async function personInOwnBrowser(browser: Browser, label: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const person = newPerson(label);
  await signUpAndLand(page, person);
  return { context, page, person };
}

/** Creates an invite link on the Members page and returns it (the field still shows the last one until the new one is in). */
async function createInviteLink(admin: Page, role: "viewer" | "annotator" | "reviewer" | "admin"): Promise<string> {
  const link = admin.getByLabel("Invite link");
  const before = (await link.count()) ? await link.inputValue() : null;
  await admin.getByLabel("Invite as").selectOption(role);
  await admin.getByRole("button", { name: "Create invite link" }).click();
  await expect(link).toHaveValue(/\/invite\//);
  if (before) await expect(link).not.toHaveValue(before);
  return link.inputValue();
}

const roleBadge = (page: Page) => page.getByTitle("Your role here");

test("sign-in and sign-up link to each other keeping where you were going; the logo, the workspace list and every workspace tab lead where they say", async ({ page }) => {
  // Many page loads and saves in one test: slow on a loaded machine.
  test.setTimeout(120_000);
  const ada: Person = newPerson("Ada");
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/settings")}`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL(/\/signup\?callbackUrl=%2Fsettings$/);
  await page.getByRole("link", { name: "Sign in" }).click();
  await page.waitForURL(/\/signin\?callbackUrl=%2Fsettings$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL(/\/signup\?callbackUrl=/);
  // Signing up here lands where the person was going.
  await fillSignUp(page, ada);
  await page.waitForURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();

  // The account page's own link to API tokens (the header's is hidden on a phone).
  await page.getByText("Scripts use").getByRole("link", { name: "API tokens" }).click();
  await page.waitForURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();

  // A workspace name that is too short is refused next to the field; nothing is created.
  await page.goto("/");
  await page.getByLabel("Workspace name").fill("x");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/$/);
  const slug = await createWorkspace(page, "Tabs desk");

  // The logo leads home; the workspace list opens the workspace.
  await page.getByRole("link", { name: "Claimtrail home" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  const list = page.getByRole("list", { name: "Workspaces" });
  await expect(list.getByRole("link")).toHaveCount(1);
  await list.getByRole("link", { name: /Tabs desk/ }).click();
  await page.waitForURL(new RegExp(`/w/${slug}$`));

  // Every tab opens its section and is marked as the current one.
  const nav = page.getByRole("navigation", { name: "Workspace" });
  const sections: [string, RegExp, (p: Page) => ReturnType<Page["getByRole"]>][] = [
    ["Claims", new RegExp(`/w/${slug}/claims$`), (p) => p.getByRole("heading", { name: "Claims", exact: true })],
    ["Dashboard", new RegExp(`/w/${slug}/dashboard$`), (p) => p.getByRole("heading", { name: "Dashboard" })],
    ["Export", new RegExp(`/w/${slug}/export$`), (p) => p.getByRole("heading", { name: "This export holds" })],
    ["Members", new RegExp(`/w/${slug}/members$`), (p) => p.getByRole("heading", { name: "Members", exact: true })],
    ["Settings", new RegExp(`/w/${slug}/settings$`), (p) => p.getByRole("heading", { name: "Settings", exact: true })],
    ["Articles", new RegExp(`/w/${slug}$`), (p) => p.getByRole("heading", { name: "Articles", exact: true })],
  ];
  for (const [tab, url, ready] of sections) {
    await nav.getByRole("link", { name: tab, exact: true }).click();
    await page.waitForURL(url);
    await expect(ready(page)).toBeVisible();
    await expect(nav.getByRole("link", { name: tab, exact: true })).toHaveAttribute("aria-current", "page");
  }
});

test("workspace settings: a new name shows in the header and the workspace list after a reload; a one-letter name is refused by its field", async ({ page }) => {
  await signUpAndLand(page, newPerson("Renamer"));
  const slug = await createWorkspace(page, "Old name desk");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Settings" }).click();
  const name = page.getByLabel("Workspace name");
  await expect(name).toHaveValue("Old name desk");

  await name.fill("x");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use at least 2 characters.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill("New name desk");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved.");
  await expect(page.getByRole("heading", { level: 1, name: "New name desk" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Workspace name")).toHaveValue("New name desk");
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Workspaces" })).toContainText("New name desk");
  await expect(page.getByRole("list", { name: "Workspaces" })).not.toContainText("Old name desk");
  expect(new URL(page.url()).pathname).toBe("/");
  // The address stays the same.
  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "New name desk" })).toBeVisible();
});

test("members: an admin changes a member's role and removes another; the last admin can neither demote nor remove themself", async ({ page, browser }) => {
  // Several sign-ups (each hashes a password) and many page loads: slow on a loaded machine.
  test.setTimeout(120_000);
  const admin = newPerson("Admin");
  await signUpAndLand(page, admin);
  const slug = await createWorkspace(page, "Members desk");
  const viewer = await inviteMember(browser, page, slug, "viewer", "Viewer");
  const annotator = await inviteMember(browser, page, slug, "annotator", "Annotator");
  await expect(roleBadge(viewer.page)).toHaveText("Viewer");

  await page.goto(`/w/${slug}/members`);
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByRole("listitem")).toHaveCount(3);

  // Role change: saved at once, kept after a reload, and the member works with it.
  const patched = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/members/"));
  await page.getByLabel(`Role of ${viewer.person.name}`).selectOption("reviewer");
  expect((await patched).status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel(`Role of ${viewer.person.name}`)).toHaveValue("reviewer");
  await viewer.page.reload();
  await expect(roleBadge(viewer.page)).toHaveText("Reviewer");

  // Remove, after confirming: gone from the list, and the workspace is no longer theirs.
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toBe(`Remove ${annotator.person.name} from this workspace?`);
    void dialog.accept();
  });
  await page.getByRole("button", { name: `Remove ${annotator.person.name}` }).click();
  await expect(members.getByRole("listitem").filter({ hasText: annotator.person.name })).toHaveCount(0);
  await page.reload();
  await expect(members.getByRole("listitem")).toHaveCount(2);
  const gone = await annotator.page.goto(`/w/${slug}`);
  expect(gone?.status()).toBe(404);

  // The last admin: demoting or removing themself is refused with the reason, and nothing changes.
  await page.getByLabel(`Role of ${admin.name}`).selectOption("viewer");
  await expect(formAlert(page)).toHaveText("A workspace needs at least one admin. Make someone else an admin first.");
  await expect(page.getByLabel(`Role of ${admin.name}`)).toHaveValue("admin");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: `Remove ${admin.name}` }).click();
  await expect(formAlert(page)).toHaveText("A workspace needs at least one admin. Make someone else an admin first.");
  await page.reload();
  await expect(page.getByLabel(`Role of ${admin.name}`)).toHaveValue("admin");
  await expect(members.getByRole("listitem")).toHaveCount(2);

  await viewer.context.close();
  await annotator.context.close();
});

test("invites: the link is copied, a revoked invite stops working, and people already signed in, or signing in from the invite, join with Join workspace", async ({ page, browser, baseURL }) => {
  // Several sign-ups (each hashes a password) and many page loads: slow on a loaded machine.
  test.setTimeout(120_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const admin = newPerson("Inviter");
  await signUpAndLand(page, admin);
  const slug = await createWorkspace(page, "Invite desk");
  await page.goto(`/w/${slug}/members`);

  // Copy: the button says so, and the clipboard holds the link.
  const revoked = await createInviteLink(page, "annotator");
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(revoked);

  // Revoke: gone from the open invites, and the link no longer works.
  const open = page.getByRole("heading", { name: "Open invites" }).locator("xpath=..");
  await expect(open.getByRole("listitem")).toHaveCount(1);
  await expect(open.getByRole("listitem")).toContainText(`Annotator · by ${admin.name}`);
  await page.getByRole("button", { name: "Revoke Annotator invite" }).click();
  await expect(page.getByRole("heading", { name: "Open invites" })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Open invites" })).toHaveCount(0);
  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(revoked);
  await expect(guestPage.getByRole("heading", { name: "Invite link not valid" })).toBeVisible();
  await expect(guestPage.getByText("This invite link was withdrawn.")).toBeVisible();
  await guest.close();

  // Someone already signed in opens a link and joins.
  const reviewerLink = await createInviteLink(page, "reviewer");
  const signedIn = await personInOwnBrowser(browser, "Member");
  await signedIn.page.goto(reviewerLink);
  await expect(signedIn.page.getByRole("heading", { name: "Join Invite desk" })).toBeVisible();
  await expect(signedIn.page.getByText(`You're signed in as ${signedIn.person.email}.`)).toBeVisible();
  await signedIn.page.getByRole("button", { name: "Join workspace" }).click();
  await signedIn.page.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(roleBadge(signedIn.page)).toHaveText("Reviewer");

  // Someone with an account, signed out, signs in from the link and comes back to it to join.
  const viewerLink = await createInviteLink(page, "viewer");
  const returning = await personInOwnBrowser(browser, "Returning");
  await returning.page.getByRole("button", { name: "Sign out" }).click();
  await returning.page.waitForURL(/\/signin/);
  await returning.page.goto(viewerLink);
  await returning.page.getByRole("link", { name: "I already have an account" }).click();
  await returning.page.waitForURL(/\/signin\?callbackUrl=%2Finvite%2F/);
  await returning.page.getByLabel("Email").fill(returning.person.email);
  await returning.page.getByLabel("Password").fill(returning.person.password);
  await returning.page.getByRole("button", { name: "Sign in" }).click();
  await returning.page.waitForURL(/\/invite\//);
  await returning.page.getByRole("button", { name: "Join workspace" }).click();
  await returning.page.waitForURL(new RegExp(`/w/${slug}$`));
  await expect(roleBadge(returning.page)).toHaveText("Viewer");

  // Both are members now.
  await page.reload();
  await expect(page.getByRole("list", { name: "Members" }).getByRole("listitem")).toHaveCount(3);
  await signedIn.context.close();
  await returning.context.close();
});

test("API tokens: a token with no name is not sent; a new token is copied; the REST API link opens the reference, whose contents jump to each part", async ({ page, baseURL }) => {
  // Many page loads and saves in one test: slow on a loaded machine.
  test.setTimeout(120_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signUpAndLand(page, newPerson("Tokens"));
  await createWorkspace(page, "Token desk");
  await page.goto("/settings/tokens");
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  // The name is required: the browser keeps the form from being sent.
  await page.getByRole("button", { name: "Create token" }).click();
  expect(await page.getByLabel("Name").evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);
  await page.reload();
  await expect(page.getByText("No tokens yet.")).toBeVisible();

  await page.getByLabel("Name").fill("Archive sync");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("Token “Archive sync”").inputValue();
  expect(token).toMatch(/^ct_/);
  await page.getByRole("button", { name: "Copy token" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expect(page.getByRole("row").filter({ hasText: "Archive sync" })).toContainText("Admin");

  // The reference, from the link in the page's introduction.
  await page.getByRole("link", { name: "REST API" }).click();
  await page.waitForURL(/\/api\/docs$/);
  const contents = page.getByRole("navigation", { name: "API sections" });
  await contents.getByRole("link", { name: "Schemas", exact: true }).click();
  await expect(page).toHaveURL(/#schemas$/);
  await expect(page.getByRole("heading", { name: "Schemas", exact: true })).toBeInViewport();
  const operation = contents.locator('a[href^="#op-"]').first();
  const target = (await operation.getAttribute("href"))!;
  await operation.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target).getByRole("heading").first()).toBeInViewport();
  await page.getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeInViewport();
});

test("the skip link jumps past the header, and the not-found page leads back to the workspaces", async ({ page }) => {
  await signUpAndLand(page, newPerson("Lost"));
  const res = await page.goto("/no-such-page-here");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // The first Tab reaches the skip link; following it moves on to the page's own content.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Go to your workspaces" })).toBeFocused();

  await page.getByRole("link", { name: "Go to your workspaces" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  // Named like every other page (black-box s34, L7: the start page's title had no "· Claimtrail").
  await expect(page).toHaveTitle("Your workspaces · Claimtrail");
});
