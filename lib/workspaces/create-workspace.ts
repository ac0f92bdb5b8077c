import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordChange } from "@/lib/changes";
import { db } from "@/lib/db/client";
import { userRef } from "@/lib/members/user-ref";
import { isOneLine } from "@/lib/validation/text";

export const workspaceNameSchema = z
  .string({ error: "Enter a name for the workspace." })
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(80, "Keep the name under 80 characters.")
  // Every member sees it in the header and the e-mails: no line breaks, and no direction controls that reverse it (X10).
  .refine(isOneLine, { message: "Write it on one line, without tabs, control or invisible direction characters.", params: { code: "one_line" } });

export const newWorkspaceSchema = z.object({ name: workspaceNameSchema });

/**
 * Cyrillic letters in Latin for addresses: a workspace named «Редакция Второй» lives at
 * /w/redaktsiya-vtoroy rather than at a random /w/workspace-ec26f7. Russian after BGN/PCGN; a name with
 * a letter only Ukrainian has (і ї є ґ) after Ukraine's 2010 national system (Київ → kyiv), whose
 * є ї й ю я are spelt one way at the start of a word and another inside it. Only for slugs: search has
 * its own transliteration with name variants (search_translit in SQL).
 */
const RUSSIAN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "",
  э: "e", ю: "yu", я: "ya",
};
const UKRAINIAN: Record<string, string> = { ...RUSSIAN, г: "h", ґ: "g", и: "y", і: "i", ї: "i", й: "i", є: "ie", ю: "iu", я: "ia", х: "kh", щ: "shch" };
const UKRAINIAN_INITIAL: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

/** The name in Latin letters; the table is chosen once for the whole name (Моя редакція is Ukrainian throughout). */
function latin(text: string): string {
  const table = /[іїєґІЇЄҐ]/.test(text) ? UKRAINIAN : RUSSIAN;
  return text.toLowerCase().replace(/[\u0400-\u04ff]/g, (c, at: number) => {
    const initial = table === UKRAINIAN && !/[\p{L}'’ʼ]/u.test(text[at - 1] ?? "");
    return (initial ? UKRAINIAN_INITIAL[c] : undefined) ?? table[c] ?? c;
  });
}

export function slugify(name: string): string {
  const slug = latin(name)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "workspace";
}

/** Creates a workspace with its creator as admin, in one transaction. */
export async function createWorkspace(input: { name: string; ownerId: string }) {
  const base = slugify(input.name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString("hex")}`;
    const taken = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
    if (taken) continue;
    try {
      return await db.$transaction(async (tx) => {
        const workspace = await tx.workspace.create({ data: { name: input.name, slug } });
        await tx.membership.create({ data: { workspaceId: workspace.id, userId: input.ownerId, role: "admin" } });
        await recordChange(tx, {
          kind: "member.joined",
          workspaceId: workspace.id,
          actorId: input.ownerId,
          subjectId: input.ownerId,
          data: { user: await userRef(tx, input.ownerId), role: "admin", via: "created" },
        });
        return workspace;
      });
    } catch (err) {
      if ((err as { code?: string }).code !== "P2002") throw err;
    }
  }
  throw new Error("Could not find a free address for the workspace");
}
