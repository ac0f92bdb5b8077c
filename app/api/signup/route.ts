import { z } from "zod";
import { publicRoute } from "@/lib/http/handler";
import { methods } from "@/lib/http/pipeline";
import { createUser, newUserSchema } from "@/lib/users/create-user";
import { assertMaySignUp } from "@/lib/users/signup-policy";

const bodySchema = newUserSchema.extend({ inviteToken: z.string().max(200).optional() });

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = methods({
  POST: publicRoute({ body: bodySchema, status: 201 }, async ({ body }) => {
    await assertMaySignUp(body.inviteToken);
    return createUser(body);
  }),
});
