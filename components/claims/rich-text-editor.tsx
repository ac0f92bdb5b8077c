"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { RichDoc } from "@/lib/claims/rich-text";
import { mentionExtension, type MentionMenu } from "./mention-suggestion";

interface Props {
  id: string;
  label: string;
  value: RichDoc | null;
  onChange(doc: RichDoc, text: string): void;
  placeholder?: string;
  /** The workspace whose members can be @mentioned (comments); none: no mentions. */
  mentionsIn?: string;
}

/** A small tiptap editor for verdict explanations and comments (the schema in lib/claims/rich-text.ts). */
export function RichTextEditor({ id, label, value, onChange, mentionsIn }: Props) {
  const t = useTranslations("claims.editor");
  const [menu, setMenu] = useState<MentionMenu | null>(null);
  const [extensions] = useState(() => [
    StarterKit.configure({ heading: false, code: false, codeBlock: false, strike: false, underline: false, horizontalRule: false, link: { openOnClick: false, autolink: true } }),
    ...(mentionsIn ? [mentionExtension(mentionsIn, setMenu)] : []),
  ]);
  const editor = useEditor({
    extensions,
    content: value ?? undefined,
    immediatelyRender: false,
    // The toolbar shows which formats are on at the caret (aria-pressed): tiptap 3 re-renders on a transaction only when asked to.
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: { id, role: "textbox", "aria-multiline": "true", "aria-label": label, ...(mentionsIn ? { "aria-description": t("mentionHint") } : {}), class: "min-h-24 px-3 py-2 text-sm outline-none [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5" } },
    onUpdate({ editor }) {
      onChange(editor.getJSON() as RichDoc, editor.getText({ blockSeparator: "\n\n" }));
    },
  });
  // The open @mention list, told to screen readers the way a textbox with suggestions does it
  // (aria-autocomplete, aria-controls, aria-activedescendant: all allowed on a textbox), since the
  // list is React state, not a DOM popup tiptap knows of.
  const listId = `${id}-mentions`;
  useEffect(() => {
    const dom = editor?.view.dom;
    if (!dom || !mentionsIn) return;
    dom.setAttribute("aria-autocomplete", "list");
    if (menu) dom.setAttribute("aria-controls", listId);
    else dom.removeAttribute("aria-controls");
    if (menu && menu.items.length) dom.setAttribute("aria-activedescendant", `${listId}-${menu.selected}`);
    else dom.removeAttribute("aria-activedescendant");
  }, [editor, menu, mentionsIn, listId]);
  const tool = (name: string, active: boolean, run: () => void) => (
    // preventDefault on mousedown: the editor keeps focus, so a format toggled here isn't dropped by
    // the selection change that refocusing the editor makes (typing at once lost it).
    <button type="button" aria-pressed={active} onMouseDown={(e) => e.preventDefault()} onClick={run} className={`rounded px-2 py-0.5 text-xs ${active ? "bg-stone-800 text-white" : "hover:bg-stone-100"}`}>
      {name}
    </button>
  );
  return (
    <div className="rounded-md bg-white ring-1 ring-stone-300 focus-within:ring-2 focus-within:ring-brand-600">
      {editor ? (
        <div className="flex gap-1 border-b border-stone-200 p-1" role="toolbar" aria-label={t("toolbar", { label })}>
          {tool(t("bold"), editor.isActive("bold"), () => editor.chain().focus().toggleBold().run())}
          {tool(t("italic"), editor.isActive("italic"), () => editor.chain().focus().toggleItalic().run())}
          {tool(t("bullets"), editor.isActive("bulletList"), () => editor.chain().focus().toggleBulletList().run())}
        </div>
      ) : null}
      <div className="relative">
        <EditorContent editor={editor} />
        {menu ? <MentionList menu={menu} id={listId} /> : null}
      </div>
    </div>
  );
}

/** The @mention choices under the caret; keys are handled by the editor (arrows, Enter, Escape), clicks here. */
function MentionList({ menu, id }: { menu: MentionMenu; id: string }) {
  const t = useTranslations("claims.editor");
  return (
    <ul
      id={id}
      role="listbox"
      aria-label={t("mentionList")}
      className="absolute left-2 z-20 mt-1 max-h-60 w-64 max-w-[calc(100%-1rem)] overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-stone-200"
    >
      {menu.items.length ? (
        menu.items.map((m, i) => (
          <li
            key={m.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === menu.selected}
            onMouseDown={(e) => {
              e.preventDefault();
              menu.choose(i);
            }}
            className={`cursor-pointer truncate px-3 py-1.5 ${i === menu.selected ? "bg-brand-600 text-white" : "text-stone-800 hover:bg-stone-100"}`}
          >
            {m.name}
          </li>
        ))
      ) : (
        <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-1.5 text-stone-500">
          {t("noMember")}
        </li>
      )}
    </ul>
  );
}

/** Rich text for display (server or client), from the same document schema. */
export function RichText({ doc }: { doc: RichDoc | null }) {
  const t = useTranslations("claims.editor");
  if (!doc) return null;
  return <div className="space-y-2 text-sm leading-relaxed [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5">{renderNodes(doc.content, t("someone"))}</div>;
}

/** `someone`: what a mention without a name reads as. */
function renderNodes(nodes: RichDoc["content"] | undefined, someone: string): React.ReactNode {
  return (nodes ?? []).map((node, i) => {
    const children = renderNodes(node.content, someone);
    switch (node.type) {
      case "paragraph":
        return <p key={i}>{children}</p>;
      case "bulletList":
        return <ul key={i}>{children}</ul>;
      case "orderedList":
        return <ol key={i}>{children}</ol>;
      case "listItem":
        return <li key={i}>{children}</li>;
      case "blockquote":
        return (
          <blockquote key={i} className="border-l-2 border-stone-300 pl-3 text-stone-700">
            {children}
          </blockquote>
        );
      case "hardBreak":
        return <br key={i} />;
      case "mention":
        return (
          <span key={i} className="rounded bg-brand-50 px-0.5 font-medium text-brand-800">
            @{typeof node.attrs?.label === "string" ? node.attrs.label : someone}
          </span>
        );
      case "text": {
        let out: React.ReactNode = node.text;
        for (const mark of node.marks ?? []) {
          if (mark.type === "bold") out = <strong>{out}</strong>;
          if (mark.type === "italic") out = <em>{out}</em>;
          if (mark.type === "link" && typeof mark.attrs?.href === "string" && /^(https?:|mailto:)/i.test(mark.attrs.href)) {
            out = (
              <a href={mark.attrs.href} className="text-brand-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                {out}
              </a>
            );
          }
        }
        return <span key={i}>{out}</span>;
      }
      default:
        return null;
    }
  });
}
