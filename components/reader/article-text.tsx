"use client";

import { EditorContent, useEditor, type UseEditorOptions } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import { segmentSpans } from "@/lib/annotations/segments";
import { trimSpan } from "@/lib/annotations/span";
import type { DocNode } from "@/lib/articles/document";
import { buildTextIndex, type TextIndex } from "@/lib/articles/text-index";
import { Highlights, ReadOnlyText, highlightsKey, type HighlightState } from "./highlights-extension";
import { articleExtensions } from "./schema-extensions";

export interface TextSelection {
  start: number;
  end: number;
  /** Where to put the toolbar, relative to the article wrapper. */
  anchor: { top: number; left: number };
}

interface Props {
  doc: DocNode;
  text: string;
  annotations: AnnotationView[];
  selectedId: string | null;
  flashId: string | null;
  onSelect(selection: TextSelection | null): void;
  onHighlightClick(ids: string[], at: { top: number; left: number }): void;
  onShortcut(key: "mark" | "escape"): boolean;
  wrapper: React.RefObject<HTMLDivElement | null>;
  /** Bumped to drop the text selection (collapsed to its end), e.g. once it has been marked. */
  clearSelection?: number;
}

function highlightState(index: TextIndex, annotations: AnnotationView[], selectedId: string | null, flashId: string | null): HighlightState {
  const spans = annotations
    .filter((a) => a.start !== null && a.end !== null && !a.deletedAt)
    .map((a) => ({ id: a.id, start: a.start!, end: a.end! }));
  const segments = segmentSpans(spans).map((s) => ({ ids: s.ids, start: index.toDoc(s.start), end: index.toDoc(s.end) }));
  return { segments, selectedId, flashId };
}

/** The article body: tiptap over the stored document, highlights as decorations. */
export function ArticleText({ doc, text, annotations, selectedId, flashId, onSelect, onHighlightClick, onShortcut, wrapper, clearSelection }: Props) {
  const indexRef = useRef<TextIndex | null>(null);
  const handlers = useRef({ onSelect, onHighlightClick, onShortcut });
  useEffect(() => {
    handlers.current = { onSelect, onHighlightClick, onShortcut };
  });

  // Built once: new option objects on every render would make tiptap reconfigure the editor each time.
  const [options] = useState<UseEditorOptions>(() => ({
    extensions: [
      ...articleExtensions({ openLinks: false }),
      Highlights.configure({ initial: (pmDoc) => highlightState(buildTextIndex(pmDoc), annotations, selectedId, flashId) }),
      ReadOnlyText,
    ],
    content: doc,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "ct-article",
        "aria-label": "Article text",
        "aria-readonly": "true",
        "aria-multiline": "true",
        role: "textbox",
        spellcheck: "false",
        "data-testid": "article-text",
      },
      handleKeyDown(_view, event) {
        if (event.key === "Escape") return handlers.current.onShortcut("escape");
        if ((event.key === "m" || event.key === "M") && !event.ctrlKey && !event.metaKey && !event.altKey) {
          return handlers.current.onShortcut("mark");
        }
        return false;
      },
      handleClick(view, _pos, event) {
        const target = (event.target as HTMLElement).closest<HTMLElement>(".ct-hl");
        if (!target || !view.state.selection.empty) return false;
        const box = wrapper.current?.getBoundingClientRect();
        handlers.current.onHighlightClick((target.dataset.ids ?? "").split(" ").filter(Boolean), {
          top: event.clientY - (box?.top ?? 0) + 12,
          left: event.clientX - (box?.left ?? 0),
        });
        return false;
      },
    },
    onSelectionUpdate({ editor }) {
      const index = indexRef.current;
      const { from, to, empty } = editor.state.selection;
      if (!index || empty) return handlers.current.onSelect(null);
      const span = trimSpan(index.text, index.toText(from), index.toText(to));
      if (!span) return handlers.current.onSelect(null);
      const coords = editor.view.coordsAtPos(to);
      const box = wrapper.current?.getBoundingClientRect();
      handlers.current.onSelect({ ...span, anchor: { top: coords.bottom - (box?.top ?? 0) + 8, left: coords.left - (box?.left ?? 0) } });
    },
    }));
  const editor = useEditor(options);

  const index = useMemo(() => (editor ? buildTextIndex(editor.state.doc) : null), [editor]);
  useEffect(() => {
    indexRef.current = index;
    if (index && index.text !== text) {
    console.error("Claimtrail: the document's text differs from the stored canonical text; highlights may be misplaced.");
    }
  }, [index, text]);

  const drawn = useRef<unknown[] | null>(null);
  useEffect(() => {
    if (!editor || !index) return;
    const inputs = [annotations, selectedId, flashId];
    // The first render already drew these (see Highlights' initial state).
    if (drawn.current === null) {
    drawn.current = inputs;
    return;
    }
    if (inputs.every((v, i) => v === drawn.current![i])) return;
    drawn.current = inputs;
    editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, highlightState(index, annotations, selectedId, flashId)));
  }, [editor, index, annotations, selectedId, flashId]);

  // Clearing the DOM selection alone is not enough: ProseMirror keeps its own
  // selection and writes it back to the page on its next update.
  useEffect(() => {
    if (!editor || !clearSelection || editor.state.selection.empty) return;
    editor.commands.setTextSelection(editor.state.selection.to);
  }, [editor, clearSelection]);

  return <EditorContent editor={editor} />;
}
