import Mention from "@tiptap/extension-mention";
import type { SuggestionKeyDownProps, SuggestionProps } from "@tiptap/suggestion";
import { apiSend } from "@/components/ui/api";

export interface MemberOption {
  id: string;
  name: string;
}

/** What the editor shows while an @mention is being typed: the matching members, which is chosen, where. */
export interface MentionMenu {
  items: MemberOption[];
  selected: number;
  rect: DOMRect | null;
  choose(index: number): void;
}

/**
 * The tiptap Mention extension for comments, with autocomplete of the
 * workspace's members (GET /api/w/[slug]/members?q=). Its menu is React state
 * of the editor (`onMenu`), not a DOM popup of its own, so it is styled and
 * labelled like the rest of the page.
 */
export function mentionExtension(slug: string, onMenu: (menu: MentionMenu | null) => void) {
  return Mention.configure({
    HTMLAttributes: { class: "rounded bg-brand-50 px-0.5 font-medium text-brand-800" },
    renderText: ({ node }) => `@${node.attrs.label ?? ""}`,
    renderHTML: ({ options, node }) => ["span", options.HTMLAttributes, `@${node.attrs.label ?? ""}`],
    suggestion: {
      char: "@",
      items: async ({ query }) => {
        const res = await apiSend<{ members: MemberOption[] }>("GET", `/api/w/${encodeURIComponent(slug)}/members?${new URLSearchParams({ q: query })}`);
        return res.ok ? res.data.members : [];
      },
      render: () => {
        let props: SuggestionProps<MemberOption> | null = null;
        let selected = 0;
        const choose = (index: number) => {
          const item = props?.items[index];
          if (item && props) props.command({ id: item.id, label: item.name });
        };
        const publish = () => {
          if (!props) return onMenu(null);
          onMenu({ items: props.items, selected, rect: props.clientRect?.() ?? null, choose });
        };
        return {
          onStart(p: SuggestionProps<MemberOption>) {
            props = p;
            selected = 0;
            publish();
          },
          onUpdate(p: SuggestionProps<MemberOption>) {
            props = p;
            selected = Math.min(selected, Math.max(0, p.items.length - 1));
            publish();
          },
          onKeyDown({ event }: SuggestionKeyDownProps) {
            if (!props || !props.items.length) return event.key === "Escape" ? (onMenu(null), true) : false;
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              const n = props.items.length;
              selected = (selected + (event.key === "ArrowDown" ? 1 : n - 1)) % n;
              publish();
              return true;
            }
            if (event.key === "Enter" || event.key === "Tab") {
              choose(selected);
              return true;
            }
            if (event.key === "Escape") {
              props = null;
              onMenu(null);
              return true;
            }
            return false;
          },
          onExit() {
            props = null;
            onMenu(null);
          },
        };
      },
    },
  });
}
