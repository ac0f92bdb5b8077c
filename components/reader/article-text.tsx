"use client";

import { EditorContent, useEditor, type UseEditorOptions } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import { segmentSpans } from "@/lib/annotations/segments";
import { trimSpan } from "@/lib/annotations/span";
import type { DocNode } from "@/lib/articles/document";
import { buildTextIndex, type TextIndex } from "@/lib/articles/text-index";
import { toneClasses } from "@/components/claims/verdict-style";
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
  onShortcut(key: "mark" | "highlight" | "escape"): boolean;
  /** A highlight in words ("Claim · False · approved"), for its hover label. */
  describe(a: AnnotationView): string;
  wrapper: React.RefObject<HTMLDivElement | null>;
  /** Bumped to drop the text selection (collapsed to its end), e.g. once it has been marked. */
  clearSelection?: number;
}

function highlightState(index: TextIndex, annotations: AnnotationView[], selectedId: string | null, flashId: string | null, describe: (a: AnnotationView) => string): HighlightState {
  const live = annotations.filter((a) => a.start !== null && a.end !== null && !a.deletedAt);
  const byId = new Map(live.map((a) => [a.id, a]));
  const segments = segmentSpans(live.map((a) => ({ id: a.id, start: a.start!, end: a.end! }))).map((s) => {
    // Where highlights overlap, the innermost (shortest) one gives the run its tone.
    const inner = s.ids.map((id) => byId.get(id)!).reduce((a, b) => (b.end! - b.start! < a.end! - a.start! ? b : a));
    return { ids: s.ids, start: index.toDoc(s.start), end: index.toDoc(s.end), tone: toneClasses(inner.claim), label: describe(inner) };
  });
  return { segments, selectedId, flashId };
}

/** The article body: tiptap over the stored document, highlights as decorations. */
export function ArticleText({ doc, text, annotations, selectedId, flashId, onSelect, onHighlightClick, onShortcut, describe, wrapper, clearSelection }: Props) {
  const indexRef = useRef<TextIndex | null>(null);
  const handlers = useRef({ onSelect, onHighlightClick, onShortcut });
  useEffect(() => {
    handlers.current = { onSelect, onHighlightClick, onShortcut };
  });

  // Built once: new option objects on every render would make tiptap reconfigure the editor each time.
  const [options] = useState<UseEditorOptions>(() => ({
    extensions: [
      ...articleExtensions({ openLinks: false }),
      Highlights.configure({ initial: (pmDoc) => highlightState(buildTextIndex(pmDoc), annotations, selectedId, flashId, describe) }),
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
        if (event.ctrlKey || event.metaKey || event.altKey) return false;
        if (event.key === "m" || event.key === "M") return handlers.current.onShortcut("mark");
        if (event.key === "h" || event.key === "H") return handlers.current.onShortcut("highlight");
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
      handleDOMEvents: {
        // ProseMirror ignores the mouse events a tap makes, so handleClick never hears of a finger:
        // a tap is passed on to the click handlers from the click event itself.
        click(view, event) {
          if ((event as PointerEvent).pointerType !== "touch") return false;
          const pos = view.posAtCoords({ left: event.clientX, top: event.clientY });
          return (pos && view.someProp("handleClick", (f) => f(view, pos.pos, event))) || false;
        },
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
    const inputs = [annotations, selectedId, flashId, describe];
    // The first render already drew these (see Highlights' initial state).
    if (drawn.current === null) {
      drawn.current = inputs;
      return;
    }
    if (inputs.every((v, i) => v === drawn.current![i])) return;
    drawn.current = inputs;
    editor.view.dispatch(editor.state.tr.setMeta(highlightsKey, highlightState(index, annotations, selectedId, flashId, describe)));
  }, [editor, index, annotations, selectedId, flashId, describe]);

  // Clearing the DOM selection alone is not enough: ProseMirror keeps its own
  // selection and writes it back to the page on its next update.
  useEffect(() => {
    if (!editor || !clearSelection || editor.state.selection.empty) return;
    editor.commands.setTextSelection(editor.state.selection.to);
  }, [editor, clearSelection]);

  return <EditorContent editor={editor} />;
}
