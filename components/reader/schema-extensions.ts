import StarterKit from "@tiptap/starter-kit";

/** The article document schema (lib/articles/doc-schema.ts) as tiptap extensions. */
export function articleExtensions(opts: { openLinks: boolean }) {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      code: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: { openOnClick: opts.openLinks, autolink: false, HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" } },
    }),
  ];
}
