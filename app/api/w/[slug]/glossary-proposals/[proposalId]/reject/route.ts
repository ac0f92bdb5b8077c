import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { rejectProposal } from "@/lib/glossary";

const post = workspaceRoute("workspace.update", {}, ({ access, params }) => rejectProposal(access, params.proposalId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
