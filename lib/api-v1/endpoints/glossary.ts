import { z } from "zod";
import {
  acceptProposal,
  aliasesQuerySchema,
  confirmAlias,
  confirmAliasSchema,
  createPair,
  deleteAlias,
  deletePair,
  glossaryQuerySchema,
  listAliases,
  listGlossary,
  listProposals,
  newPairSchema,
  proposalsQuerySchema,
  pairEditSchema,
  rejectProposal,
  suggestAliases,
  updatePair,
} from "@/lib/glossary";
import { endpoint } from "../endpoint";

const dateTime = z.iso.datetime({ offset: true });
const language = z.enum(["ru", "uk"]).meta({ description: "The language of `term`: ru (Russian) or uk (Ukrainian)." });

const pairSchema = z
  .object({ id: z.string(), language, term: z.string(), english: z.string(), createdAt: dateTime, updatedAt: dateTime })
  .meta({ id: "GlossaryPair" });

const pairPageSchema = z
  .object({
    items: z.array(pairSchema),
    truncated: z.boolean().meta({ description: "More than 500 pairs matched: narrow the search with `q`." }),
    nextCursor: z.null(),
  })
  .meta({ id: "GlossaryPairPage" });

const proposalSchema = z
  .object({
    id: z.string(),
    language,
    term: z.string(),
    english: z.string(),
    support: z.int().meta({ description: "Attached mentions (a Russian or Ukrainian quote of an English claim) that held both words." }),
  })
  .meta({ id: "GlossaryProposal" });

const aliasSchema = z
  .object({
    id: z.string(),
    status: z.enum(["confirmed", "dismissed"]).meta({ description: "dismissed: a suggestion an admin turned down; it is not suggested again." }),
    names: z.array(z.string()),
  })
  .meta({ id: "NameAlias" });

const suggestedAliasSchema = z
  .object({ names: z.array(z.string()), claims: z.int().meta({ description: "Live claims with one of the names as claimant." }) })
  .meta({ id: "SuggestedAlias" });

const tag = "Glossary and aliases";
const admins = "Admins only.";

export const listGlossaryEndpoint = endpoint({
  id: "listGlossary",
  method: "GET",
  path: "/workspaces/{ws}/glossary",
  tag,
  summary: "List the glossary",
  description: `${admins} The workspace glossary: Russian and Ukrainian terms with their English counterparts, alphabetically by term (at most 500; \`q\` finds pairs whose term or English side contains it). Suggestions for a selection holding one side of a pair also search the other.`,
  action: "workspace.update",
  query: glossaryQuerySchema,
  responses: { 200: { description: "The pairs.", schema: pairPageSchema } },
  handler: async ({ access, query }) => ({ ...(await listGlossary(access, query.q)), nextCursor: null }),
});

export const createGlossaryPairEndpoint = endpoint({
  id: "createGlossaryPair",
  method: "POST",
  path: "/workspaces/{ws}/glossary",
  tag,
  summary: "Add a glossary pair",
  description: `${admins} A term in Cyrillic (language ru or uk) and its English counterpart; each side must hold a word search doesn't ignore. Recorded in the change feed (glossary.changed).`,
  action: "workspace.update",
  body: newPairSchema,
  status: 201,
  responses: { 201: { description: "Added.", schema: pairSchema }, 409: { description: "The term is already in the glossary (in any case), or the glossary has 5,000 pairs." } },
  example: { language: "ru", term: "гарантии безопасности", english: "security guarantees" },
  handler: ({ access, body }) => createPair(access, body),
});

export const updateGlossaryPairEndpoint = endpoint({
  id: "updateGlossaryPair",
  method: "PATCH",
  path: "/workspaces/{ws}/glossary/{pairId}",
  tag,
  summary: "Edit a glossary pair",
  description: `${admins} Any of \`language\`, \`term\`, \`english\`.`,
  action: "workspace.update",
  body: pairEditSchema,
  responses: { 200: { description: "The pair.", schema: pairSchema }, 409: { description: "Another pair has that term." } },
  example: { english: "security assurances" },
  handler: ({ access, params, body }) => updatePair(access, params.pairId, body),
});

export const deleteGlossaryPairEndpoint = endpoint({
  id: "deleteGlossaryPair",
  method: "DELETE",
  path: "/workspaces/{ws}/glossary/{pairId}",
  tag,
  summary: "Delete a glossary pair",
  description: `${admins} Suggestions stop using it at once.`,
  action: "workspace.update",
  status: 204,
  responses: { 204: { description: "Deleted." } },
  handler: async ({ access, params }) => {
    await deletePair(access, params.pairId);
  },
});

export const listGlossaryProposalsEndpoint = endpoint({
  id: "listGlossaryProposals",
  method: "GET",
  path: "/workspaces/{ws}/glossary-proposals",
  tag,
  summary: "List glossary proposals",
  description: `${admins} Word pairs seen together when Russian or Ukrainian mentions were attached to English claims: those seen at least twice whose words met no other word more often, strongest first (at most 200).`,
  action: "workspace.update",
  query: proposalsQuerySchema,
  responses: { 200: { description: "The proposals.", schema: z.object({ items: z.array(proposalSchema), nextCursor: z.null() }).meta({ id: "GlossaryProposalPage" }) } },
  handler: async ({ access }) => ({ items: await listProposals(access), nextCursor: null }),
});

export const acceptGlossaryProposalEndpoint = endpoint({
  id: "acceptGlossaryProposal",
  method: "POST",
  path: "/workspaces/{ws}/glossary-proposals/{proposalId}/accept",
  tag,
  summary: "Accept a glossary proposal",
  description: `${admins} Its words become a glossary pair (edit it afterwards if the words should be a base form or a phrase).`,
  action: "workspace.update",
  status: 201,
  responses: { 201: { description: "The pair it became.", schema: pairSchema }, 409: { description: "Already accepted or rejected, or the glossary has that term." } },
  handler: ({ access, params }) => acceptProposal(access, params.proposalId),
});

export const rejectGlossaryProposalEndpoint = endpoint({
  id: "rejectGlossaryProposal",
  method: "POST",
  path: "/workspaces/{ws}/glossary-proposals/{proposalId}/reject",
  tag,
  summary: "Reject a glossary proposal",
  description: `${admins} It is not proposed again.`,
  action: "workspace.update",
  status: 204,
  responses: { 204: { description: "Rejected." }, 409: { description: "Already accepted or rejected." } },
  handler: async ({ access, params }) => {
    await rejectProposal(access, params.proposalId);
  },
});

export const listAliasesEndpoint = endpoint({
  id: "listAliases",
  method: "GET",
  path: "/workspaces/{ws}/aliases",
  tag,
  summary: "List aliases and alias suggestions",
  description: `${admins} Confirmed aliases (one person's names: the claimant filter and suggestions treat them as one) and dismissed ones, then suggestions: claimant names that transliterate to each other or differ only by common variants (Sergei/Sergey, Anthony/Antony).`,
  action: "workspace.update",
  query: aliasesQuerySchema,
  responses: {
    200: {
      description: "Aliases and suggestions.",
      schema: z.object({ items: z.array(aliasSchema), suggested: z.array(suggestedAliasSchema), nextCursor: z.null() }).meta({ id: "NameAliasPage" }),
    },
  },
  handler: async ({ access }) => ({ items: await listAliases(access), suggested: await suggestAliases(access), nextCursor: null }),
});

export const confirmAliasEndpoint = endpoint({
  id: "confirmAlias",
  method: "POST",
  path: "/workspaces/{ws}/aliases",
  tag,
  summary: "Confirm (or dismiss) an alias",
  description: `${admins} Two or more names of one person; \`status: "dismissed"\` records a wrong suggestion so it isn't made again. A name belongs to at most one alias. Recorded in the change feed (alias.changed).`,
  action: "workspace.update",
  body: confirmAliasSchema,
  status: 201,
  responses: { 201: { description: "The alias.", schema: aliasSchema }, 409: { description: "A name is already in an alias." } },
  example: { names: ["Sergei Lavrov", "Sergey Lavrov", "Сергей Лавров"] },
  handler: ({ access, body }) => confirmAlias(access, body),
});

export const deleteAliasEndpoint = endpoint({
  id: "deleteAlias",
  method: "DELETE",
  path: "/workspaces/{ws}/aliases/{aliasId}",
  tag,
  summary: "Delete an alias",
  description: `${admins} Its names are matched, and may be suggested, on their own again.`,
  action: "workspace.update",
  status: 204,
  responses: { 204: { description: "Deleted." } },
  handler: async ({ access, params }) => {
    await deleteAlias(access, params.aliasId);
  },
});
