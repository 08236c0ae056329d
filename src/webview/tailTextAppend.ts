/**
 * Applies an `HtmlTextAppend` (text added at the end of a re-rendered tail) to the DOM nodes that show
 * the previous tail, by growing or adding one text node: the same DOM the HTML parser would build from
 * the new HTML, without parsing, sanitising or replacing anything. Plain text in a text node cannot
 * carry markup, so there is nothing to sanitise.
 */
import type { HtmlTextAppend } from '../core/markdown/htmlTextAppend';

/**
 * Elements where the HTML parser does not keep text where it is written: in table structure it moves
 * ("foster-parents") text out of the table, and it drops a line feed right after `<pre>`'s start tag.
 */
const UNSAFE_CONTAINERS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'pre', 'textarea', 'listing', 'select']);

/**
 * Inserts `append.text` into `nodes` (the tail's top-level nodes, in order). Returns false, having
 * changed nothing, when the nodes do not have the shape the previous HTML describes.
 */
export function applyTailTextAppend(nodes: readonly ChildNode[], append: HtmlTextAppend): boolean {
  let siblings: ArrayLike<ChildNode> = nodes;
  let index = siblings.length; // the insertion point is before siblings[index]
  let container: Element | undefined;
  let inside: { node: Text; offset: number } | undefined;
  const { closing } = append;
  for (let t = closing.length - 1; t >= 0; t--) {
    const token = closing[t];
    const node = siblings[index - 1];
    if (token.kind === 'close') {
      if (!(node instanceof Element) || node.localName !== token.tag) return false;
      container = node;
      siblings = node.childNodes;
      index = siblings.length;
      continue;
    }
    if (!(node instanceof Text) || !node.data.endsWith(token.text)) return false;
    if (node.data.length === token.text.length) {
      index--;
      continue;
    }
    // Text before the line feeds is part of the same node: only possible at the insertion point.
    if (t !== 0 || !append.afterText) return false;
    inside = { node, offset: node.data.length - token.text.length };
    break;
  }
  if (container && UNSAFE_CONTAINERS.has(container.localName)) return false;
  if (inside) {
    inside.node.insertData(inside.offset, append.text);
    return true;
  }
  const before = siblings[index - 1];
  const after = siblings[index] as ChildNode | undefined;
  if (append.afterText) {
    if (!(before instanceof Text)) return false;
    before.appendData(append.text);
    return true;
  }
  if (before instanceof Text) return false; // the previous HTML ended in a tag here
  if (after instanceof Text) {
    after.insertData(0, append.text);
    return true;
  }
  // A new node at the top level would have to join the caller's list of tail nodes: let it re-render.
  if (!container) return false;
  container.insertBefore(document.createTextNode(append.text), after ?? null);
  return true;
}
