import { workspaceRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { createPair, newPairSchema } from "@/lib/glossary";

const post = workspaceRoute("workspace.update", { body: newPairSchema, status: 201 }, ({ access, body }) => createPair(access, body));

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: post });
