import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Segment } from "@/lib/annotations/segments";

export interface HighlightRun extends Segment {
  /** Tone classes of the innermost highlight covering the run. */
  tone: string[];
  /** What the run is, in words, for hover and assistive technology. */
  label: string;
}

export interface HighlightState {
  /** Runs in ProseMirror positions, each with the annotations covering it. */
  segments: HighlightRun[];
  selectedId: string | null;
  flashId: string | null;
}

export const highlightsKey = new PluginKey<DecorationSet>("claimtrail-highlights");

function decorations(doc: Parameters<typeof DecorationSet.create>[0], state: HighlightState): DecorationSet {
  const decos = state.segments.map((seg) => {
    const depth = Math.min(seg.ids.length, 3);
    const classes = [`ct-hl`, `ct-depth-${depth}`, ...seg.tone];
    if (state.selectedId && seg.ids.includes(state.selectedId)) classes.push("ct-selected");
    if (state.flashId && seg.ids.includes(state.flashId)) classes.push("ct-flash");
    return Decoration.inline(seg.start, seg.end, {
      class: classes.join(" "),
      "data-ids": seg.ids.join(" "),
      title: seg.ids.length > 1 ? `${seg.label} (${seg.ids.length} highlights overlap here)` : seg.label,
    });
  });
  return DecorationSet.create(doc, decos);
}

/**
 * Highlights as decorations: they never touch the document itself, so the
 * article's text (and every offset into it) stays exactly as stored.
 */
export const Highlights = Extension.create<{ initial: ((doc: PMNode) => HighlightState) | null }>({
  name: "claimtrailHighlights",
  addOptions() {
    return { initial: null };
  },
  addProseMirrorPlugins() {
    const { initial } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: highlightsKey,
        state: {
          // Drawn with the first render: adding them in a second pass would lay the whole article out twice.
          init: (_config, state) => (initial ? decorations(state.doc, initial(state.doc)) : DecorationSet.empty),
          apply(tr, old) {
            const next = tr.getMeta(highlightsKey) as HighlightState | undefined;
            return next ? decorations(tr.doc, next) : old.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations(state) {
            return highlightsKey.getState(state);
          },
        },
      }),
    ];
  },
});

/** The reader is for reading: keep the caret and selection (keyboard selection needs them) but refuse every change. */
export const ReadOnlyText = Extension.create({
  name: "claimtrailReadOnly",
  addProseMirrorPlugins() {
    return [new Plugin({ filterTransaction: (tr) => !tr.docChanged })];
  },
});
