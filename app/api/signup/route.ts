import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { fieldErrors, problem } from "@/lib/http/problem";
import { createUser, newUserSchema } from "@/lib/users/create-user";
import { assertMaySignUp } from "@/lib/users/signup-policy";

const bodySchema = newUserSchema.extend({ inviteToken: z.string().max(200).optional() });

export async function POST(req: Request) {
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return problem(400, "Some fields are invalid.", fieldErrors(parsed.error));
  try {
    await assertMaySignUp(parsed.data.inviteToken);
    const user = await createUser(parsed.data);
    return Response.json(user, { status: 201 });
  } catch (err) {
    if (err instanceof DomainError) return problem(err.status, err.message, err.fields);
    throw err;
  }
}
