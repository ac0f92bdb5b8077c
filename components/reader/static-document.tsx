import type { ReactNode } from "react";
import type { DocNode } from "@/lib/articles/document";

/** Server-rendered document for earlier revisions, which are read without highlights. */
function render(node: DocNode, key: number): ReactNode {
  const children = node.content?.map(render);
  switch (node.type) {
    case "doc":
      return <div key={key} className="ct-article">{children}</div>;
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading": {
      const level = Number(node.attrs?.level ?? 2);
      return level === 1 ? <h1 key={key}>{children}</h1> : level === 2 ? <h2 key={key}>{children}</h2> : <h3 key={key}>{children}</h3>;
    }
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList":
      return <ol key={key}>{children}</ol>;
    case "listItem":
      return <li key={key}>{children}</li>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "codeBlock":
      return <pre key={key}>{children}</pre>;
    case "hardBreak":
      return <br key={key} />;
    case "text": {
      let out: ReactNode = node.text;
      for (const mark of node.marks ?? []) {
        if (mark.type === "bold") out = <strong>{out}</strong>;
        else if (mark.type === "italic") out = <em>{out}</em>;
        else if (mark.type === "link" && typeof mark.attrs?.href === "string" && /^(https?:|mailto:)/i.test(mark.attrs.href)) {
          out = <a href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank">{out}</a>;
        }
      }
      return <span key={key}>{out}</span>;
    }
    default:
      return null;
  }
}

export function StaticDocument({ doc }: { doc: DocNode }) {
  return render(doc, 0);
}
