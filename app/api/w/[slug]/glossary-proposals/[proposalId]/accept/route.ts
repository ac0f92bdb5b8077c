import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { acceptProposal } from "@/lib/glossary";

const post = workspaceRoute("workspace.update", { status: 201 }, ({ access, params }) => acceptProposal(access, params.proposalId));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
