"use client";

import { TextSelection as PMTextSelection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, type UseEditorOptions } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import type { AnnotationView } from "@/lib/annotations/annotation-dto";
import { segmentSpans } from "@/lib/annotations/segments";
import { trimSpan } from "@/lib/annotations/span";
import type { DocNode } from "@/lib/articles/document";
import { buildTextIndex, type TextIndex } from "@/lib/articles/text-index";
import { shortcutLetter } from "@/components/claims/shortcut-letter";
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
  /** `lang` of the text when it isn't the UI's language. */
  lang?: string;
  annotations: AnnotationView[];
  selectedId: string | null;
  flashId: string | null;
  onSelect(selection: TextSelection | null): void;
  onHighlightClick(ids: string[], at: { top: number; left: number }): void;
  /** A key pressed in the text; `selection` is what was selected at that very moment (null if nothing). */
  onShortcut(key: "mark" | "highlight" | "escape", selection: TextSelection | null): boolean;
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

/**
 * The selection as the page has it right now. A key pressed straight after
 * Shift+→ arrives before ProseMirror has read the extended selection back from
 * the page (it does so on the next `selectionchange`, which input events
 * overtake under load), so its state and React's would name stale text; the
 * DOM selection already holds what the person sees. Anchor and head keep the
 * direction, for writing it back into ProseMirror.
 */
function liveRange(view: EditorView): { from: number; to: number; anchor: number; head: number } {
  const sel = view.dom.ownerDocument.getSelection();
  if (sel && sel.rangeCount && sel.anchorNode && sel.focusNode && view.dom.contains(sel.anchorNode) && view.dom.contains(sel.focusNode)) {
    try {
      const anchor = view.posAtDOM(sel.anchorNode, sel.anchorOffset);
      const head = view.posAtDOM(sel.focusNode, sel.focusOffset);
      return { from: Math.min(anchor, head), to: Math.max(anchor, head), anchor, head };
    } catch {
      // A position ProseMirror can't map (outside its content): fall back to its own selection.
    }
  }
  const { from, to, anchor, head } = view.state.selection;
  return { from, to, anchor, head };
}

/** A document range as a selection of the article's text (trimmed), with where to put the toolbar; null when nothing visible is selected. */
function toSelection(view: EditorView, index: TextIndex | null, from: number, to: number, wrapper: HTMLElement | null): TextSelection | null {
  if (!index || from === to) return null;
  const span = trimSpan(index.text, index.toText(from), index.toText(to));
  if (!span) return null;
  const coords = view.coordsAtPos(to);
  const box = wrapper?.getBoundingClientRect();
  return { ...span, anchor: { top: coords.bottom - (box?.top ?? 0) + 8, left: coords.left - (box?.left ?? 0) } };
}

/** The article body: tiptap over the stored document, highlights as decorations. */
export function ArticleText({ doc, text, lang, annotations, selectedId, flashId, onSelect, onHighlightClick, onShortcut, describe, wrapper, clearSelection }: Props) {
  const articleLabel = useTranslations("reader")("articleText");
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
        "aria-label": articleLabel,
        "aria-readonly": "true",
        "aria-multiline": "true",
        role: "textbox",
        spellcheck: "false",
        "data-testid": "article-text",
        ...(lang ? { lang } : {}),
      },
      handleKeyDown(view, event) {
        const now = () => {
          const { from, to } = liveRange(view);
          return toSelection(view, indexRef.current, from, to, wrapper.current);
        };
        if (event.key === "Escape") return handlers.current.onShortcut("escape", null);
        if (event.ctrlKey || event.metaKey || event.altKey) return false;
        const letter = shortcutLetter(event);
        if (letter === "m") return handlers.current.onShortcut("mark", now());
        if (letter === "h") return handlers.current.onShortcut("highlight", now());
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
      const { from, to } = editor.state.selection;
      handlers.current.onSelect(toSelection(editor.view, indexRef.current, from, to, wrapper.current));
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
    const tr = editor.state.tr.setMeta(highlightsKey, highlightState(index, annotations, selectedId, flashId, describe));
    // Redrawing writes ProseMirror's selection back to the page; if it hasn't yet read the page's
    // latest (a Shift+→ a moment ago), that would undo it. Take the page's first.
    const live = liveRange(editor.view);
    const { anchor, head } = editor.state.selection;
    if (live.anchor !== anchor || live.head !== head) tr.setSelection(PMTextSelection.create(tr.doc, live.anchor, live.head));
    editor.view.dispatch(tr);
  }, [editor, index, annotations, selectedId, flashId, describe]);

  // Clearing the DOM selection alone is not enough: ProseMirror keeps its own
  // selection and writes it back to the page on its next update. Its own may
  // also lag the page's (see liveRange), so both are collapsed, to the end of
  // what the page shows.
  useEffect(() => {
    if (!editor || !clearSelection) return;
    const { to } = liveRange(editor.view);
    const page = editor.view.dom.ownerDocument.getSelection();
    if (page && !page.isCollapsed && page.focusNode && editor.view.dom.contains(page.focusNode)) page.collapseToEnd();
    if (!editor.state.selection.empty || editor.state.selection.to !== to) editor.commands.setTextSelection(to);
  }, [editor, clearSelection]);

  return <EditorContent editor={editor} />;
}
