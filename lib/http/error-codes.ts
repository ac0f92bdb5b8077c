import type { core } from "zod";
import { DATE_MESSAGE as ARTICLE_DATE_MESSAGE } from "@/lib/articles/dates";
import { DATE_MESSAGE } from "@/lib/validation/date";
import { NUL_MESSAGE, SURROGATE_MESSAGE, UNSTORABLE_TEXT_MESSAGE } from "@/lib/validation/text";

/**
 * Stable machine codes next to the English messages of problem+json (`code` for the whole
 * answer, `fieldCodes` per field), so the UI can say the same thing in the reader's language
 * (components/ui/api-errors.ts) while the English `detail` and `errors` stay exactly as they were
 * for API clients and scripts. A code is generic on purpose ("too_long" with its limit): the
 * English text stays the precise one, and an unknown code falls back to it. Client-safe.
 */
export const ERROR_CODES = [
  "required",
  "wrong_type",
  "too_short",
  "too_long",
  "too_many",
  "too_small",
  "too_big",
  "invalid_url",
  "invalid_email",
  "invalid_date",
  "invalid_language",
  "invalid_format",
  "not_allowed",
  "date_order",
  "unstorable_text",
  "invalid",
  "invalid_fields",
  "conflict",
  "stale_version",
  "not_found",
  "forbidden",
  "sign_in",
  "rate_limited",
  "too_large",
  "method_not_allowed",
  "server_error",
  "unavailable",
  // The browser couldn't reach the server at all (components/ui/api.ts).
  "network",
  // Specific refusals the domain writes by hand (said() in lib/errors.ts, or a refinement's
  // `params.code`): each is the whole sentence in ui.apiErrors, with the values it names.
  // BEGIN specific codes
  "one_line",
  "direction_control",
  "glossary_term_cyrillic",
  "glossary_english_latin",
  "glossary_nothing_changed",
  "alias_two_names",
  "glossary_term_taken_as",
  "glossary_term_taken",
  "glossary_term_in_use",
  "glossary_term_stop_words",
  "glossary_term_stop_words_field",
  "glossary_english_stop_words",
  "glossary_english_stop_words_field",
  "glossary_same_words",
  "glossary_same_words_field",
  "glossary_full",
  "alias_names_taken",
  "alias_names_same",
  "proposal_decided",
  "email_taken",
  "reset_throttled",
  "sign_in_throttled",
  "reset_link_used",
  "unsubscribe_link_invalid",
  "unsubscribe_signature",
  "password_unchanged",
  "password_wrong",
  "invite_only",
  "invite_only_used",
  "invite_invalid",
  "invite_used",
  "url_not_address",
  "url_scheme",
  "url_credentials",
  "url_no_dns",
  "url_link_local",
  "url_private_address",
  "url_too_big",
  "url_timeout",
  "url_unreachable",
  "url_redirects",
  "url_not_found",
  "url_refused_paywall",
  "url_http_error",
  "url_not_html",
  "url_binary",
  "url_unreadable",
  "url_no_article",
  "url_too_complex",
  "url_paywall",
  "url_no_text",
  "nothing_changed",
  "file_too_big",
  "live_one_scope",
  "highlight_target",
  "choose_format",
  "choose_language",
  "one_of",
  "file_type",
  "file_no_text",
  "file_base64",
  "file_binary",
  "file_not_docx",
  "file_docx_too_big",
  "file_docx_no_document",
  "file_docx_damaged",
  "file_not_pdf",
  "file_pdf_password",
  "file_pdf_unreadable",
  "file_pdf_pages",
  "file_pdf_scanned",
  "file_markdown_nesting",
  "file_markdown_complex",
  "source_last_of_approved",
  "claim_approved_locked",
  "claim_locked",
  "review_state_wrong",
  "second_approver",
  "second_approver_field",
  "send_back_note",
  "last_mention",
  "already_mention",
  "already_mention_this",
  "already_mention_other",
  "just_mentioned",
  "marked_moment_ago",
  "verdict_labels_stale",
  "relation_self",
  "relation_exists",
  "merge_self",
  "already_merged",
  "just_merged",
  "claim_merged",
  "assignee_not_member",
  "highlight_delete_own",
  "highlight_already_deleted",
  "highlight_not_deleted",
  "highlight_restore_admin",
  "highlight_duplicate",
  "article_edited_since",
  "article_revision_ahead",
  "selection_outside",
  "selection_splits_char",
  "selection_empty",
  "selection_reversed",
  "comment_edit_own",
  "comment_delete_own",
  "last_admin",
  "webhook_not_url",
  "webhook_https_only",
  "webhook_credentials",
  "webhook_private",
  "webhooks_full",
  "tokens_full",
  "article_no_text",
  "article_empty",
  "article_same_text",
  "article_canonical_taken",
  "file_empty",
  "file_not_json",
  "annotations_none",
  "annotations_unknown_format",
  "annotations_too_many",
  "annotations_no_spans",
  "file_too_large_mb",
  "bundle_problems",
  "bundle_not_json",
  "bundle_truncated",
  "bundle_not_json_at",
  "bundle_not_utf8_at",
  "bundle_extra_data",
  "bundle_not_object",
  "not_utf8",
  "bundle_empty",
  "invalid_cursor",
  "if_match_invalid",
  "if_match_disagrees",
  "path_params_invalid",
  "path_id_invalid",
  "path_malformed",
  "query_params_invalid",
  "query_not_utf8",
  "query_replacement_char",
  "query_repeated",
  "assignee_filter",
  "article_filter",
  "unknown_article",
  "model_onnx_missing",
  "model_tokenizer_missing",
  "model_file_unreadable",
  "model_config_not_json",
  "model_config_not_object",
  "model_config_unknown_setting",
  "model_config_text",
  "model_config_name_empty",
  "model_config_too_long",
  "model_config_whole_number",
  "model_config_tokens_range",
  "model_tokenizer_unusable",
  "model_not_onnx",
  "model_no_input_ids",
  "model_probe_failed",
  "model_unusable",
  "bundle_format",
  "bundle_version",
  "bundle_year_zero",
  "bundle_one_quote_selector",
  "bundle_one_position_selector",
  "bundle_person_unknown",
  "bundle_claim_unknown",
  "bundle_article_unknown",
  "bundle_duplicate_id",
  "bundle_duplicate_email",
  "bundle_text_not_canonical",
  "bundle_hash_mismatch",
  "bundle_page_starts",
  "bundle_same_text",
  "bundle_duplicate_revision",
  "bundle_revision_after",
  "bundle_revision_missing",
  "bundle_annotations_twice",
  "bundle_relation_self",
  "bundle_event_data",
  "bundle_anchor_after",
  "bundle_orphan_position",
  "bundle_position_order",
  "bundle_position_past_end",
  "bundle_position_missing",
  "bundle_position_splits",
  "bundle_quote_mismatch",
  "bundle_explanation_text",
  "bundle_comment_text",
  "bundle_approved_no_verdict",
  "bundle_approved_no_date",
  "bundle_not_a_bundle",
  "annotation_tag_shortened",
  "annotation_statement_shortened",
  "annotation_claimant_shortened",
  "annotation_note_shortened",
  "annotation_tags_dropped",
  "annotation_no_selector",
  "annotation_page_note",
  "annotation_no_offsets",
  "annotation_offsets_empty",
  "annotation_offsets_beyond",
  "annotation_offsets_mismatch",
  "annotation_task_address",
  "annotation_task_media",
  "annotation_task_no_text",
  "annotation_result_no_value",
  "annotation_result_invalid",
  "annotation_line_not_json",
  "annotation_line_not_doccano",
  "annotation_no_article_url",
  "annotation_no_article",
  "annotation_quote_too_long",
  "annotation_quote_not_found",
  "annotation_no_quote",
  "annotation_orphan_kept",
  "annotation_marked_twice",
  "annotation_already_highlighted",
  "annotation_found_fuzzy",
  "annotation_found_elsewhere",
  // END specific codes
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values a specific code's message names (a term, a host, a number of seconds); never sentences. */
export type CodeParams = Record<string, string | number>;

/** One field's code, with the limit it broke when there is one (characters, items, or the number), and the values its message names. */
export interface FieldCode {
  code: ErrorCode;
  limit?: number;
  params?: CodeParams;
}

export type FieldCodes = Record<string, FieldCode>;

/** Our own refinements whose message is a shared constant: the message names the code. */
const KNOWN_MESSAGES: Record<string, ErrorCode> = {
  [DATE_MESSAGE]: "invalid_date",
  [ARTICLE_DATE_MESSAGE]: "invalid_date",
  [NUL_MESSAGE]: "unstorable_text",
  [SURROGATE_MESSAGE]: "unstorable_text",
  [UNSTORABLE_TEXT_MESSAGE]: "unstorable_text",
};

const isCode = (v: unknown): v is ErrorCode => typeof v === "string" && (ERROR_CODES as readonly string[]).includes(v);

/** The code of one zod issue: a refinement may name its own (`params: { code, limit? }`), else it follows from zod's issue. */
export function issueCode(issue: core.$ZodIssue): FieldCode {
  switch (issue.code) {
    case "invalid_type":
      // Missing, or given as the wrong kind of value ({"limit": "5"}, {"term": 5}): the input is on the issue when
      // the pipeline parses with reportInput (lib/http/pipeline.ts); without it, a form's missing string.
      return "input" in issue && issue.input !== undefined ? { code: "wrong_type" } : { code: "required" };
    case "too_small": {
      const min = Number(issue.minimum);
      if ((issue.origin === "string" || issue.origin === "array" || issue.origin === "set") && min <= 1) return { code: "required" };
      return { code: issue.origin === "string" ? "too_short" : "too_small", limit: min };
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return { code: "too_long", limit: max };
      if (issue.origin === "array" || issue.origin === "set") return { code: "too_many", limit: max };
      return { code: "too_big", limit: max };
    }
    case "invalid_format":
      if (issue.format === "url") return { code: "invalid_url" };
      if (issue.format === "email") return { code: "invalid_email" };
      if (issue.format === "date" || issue.format === "datetime") return { code: "invalid_date" };
      return { code: "invalid_format" };
    case "invalid_value":
    case "invalid_key":
    case "unrecognized_keys":
    // A value none of a union's forms take (a list filter's "foo", a flag's "perhaps").
    case "invalid_union":
      return { code: "not_allowed" };
    case "custom": {
      const { code: own, limit, ...rest } = (issue.params ?? {}) as Record<string, unknown>;
      if (isCode(own)) {
        const params = Object.fromEntries(Object.entries(rest).filter(([, v]) => typeof v === "string" || typeof v === "number")) as CodeParams;
        return { code: own, ...(typeof limit === "number" ? { limit } : {}), ...(Object.keys(params).length ? { params } : {}) };
      }
      return { code: KNOWN_MESSAGES[issue.message] ?? "invalid" };
    }
    default:
      return { code: KNOWN_MESSAGES[issue.message] ?? "invalid" };
  }
}

/**
 * The field paths an issue names: its path ("tags.2"; "_" for the value itself), or for keys a strict
 * object doesn't take, each of those keys under it ("limit", "body.extra"), so the answer names the
 * field that is wrong rather than the object holding it.
 */
export function issueKeys(issue: core.$ZodIssue): string[] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((k) => [...issue.path, k].join("."));
  return [issue.path.length ? issue.path.join(".") : "_"];
}

/** zod's own bound on every whole number (JavaScript's safe-integer range), not one a schema chose. */
export const isSafeRangeIssue = (issue: core.$ZodIssue): boolean =>
  (issue.code === "too_big" && issue.maximum === Number.MAX_SAFE_INTEGER) || (issue.code === "too_small" && issue.minimum === Number.MIN_SAFE_INTEGER);

/**
 * The issues in the order a field's message is chosen from: a schema's own bound before zod's safe-integer one,
 * so `revision: 1e20` reads "At most 2147483647.", not JavaScript's limit (black-box s38 low).
 */
export const rankedIssues = (issues: readonly core.$ZodIssue[]): core.$ZodIssue[] => [
  ...issues.filter((i) => !isSafeRangeIssue(i)),
  ...issues.filter(isSafeRangeIssue),
];

/** Codes per field path, keyed as lib/http/problem.ts's fieldErrors keys the messages (first issue wins). */
export function zodFieldCodes(issues: readonly core.$ZodIssue[]): FieldCodes {
  const out = new Map<string, FieldCodes[string]>();
  for (const issue of rankedIssues(issues)) for (const key of issueKeys(issue)) if (!out.has(key)) out.set(key, issueCode(issue));
  return Object.fromEntries(out);
}

/** The code a whole answer gets from its status when its maker named none. */
export function statusCode(status: number, extra?: Record<string, unknown>): ErrorCode | undefined {
  switch (status) {
    case 400:
    case 422:
      return "invalid";
    case 401:
      return "sign_in";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 409:
      return extra && "currentVersion" in extra ? "stale_version" : "conflict";
    case 413:
      return "too_large";
    case 429:
      return "rate_limited";
    case 500:
      return "server_error";
    case 503:
      return "unavailable";
    default:
      return undefined;
  }
}

/** A field message the domain wrote by hand (no zod issue behind it) gets the code its status implies. */
export function fieldCodeForStatus(status: number): FieldCode {
  switch (status) {
    case 403:
      return { code: "not_allowed" };
    case 404:
      return { code: "not_found" };
    case 409:
      return { code: "conflict" };
    case 429:
      return { code: "rate_limited" };
    default:
      return { code: "invalid" };
  }
}
