/**
 * Turns the nodes that show the open tail's previous render into its new render (a sanitised
 * fragment), keeping every node whose place and kind did not change. A chip, an inline code span or a
 * list item added to the tail then adds just those nodes; replacing the whole tail would make the
 * browser style, lay out and paint all of it again, every time.
 *
 * Nodes are matched by position: a streaming tail changes at its end. The result is exactly the new
 * render's DOM (the same nodes in the same order, with the same attributes and text); an old node is
 * kept only as the carrier of the new one's attributes and text, so nothing of the old render that
 * the new one lacks survives, and nothing enters that the sanitiser did not pass.
 */

/**
 * Morphs `current` (consecutive children of `parent`, in order; empty: the end of `parent`) into
 * `next` (nodes of a fragment, which are moved into place where no old node can carry them).
 * Returns the nodes now in `current`'s place, one per node of `next`.
 */
export function morphSiblings(parent: Node, current: readonly ChildNode[], next: readonly ChildNode[]): ChildNode[] {
  const after = current.length > 0 ? current[current.length - 1].nextSibling : null;
  const result: ChildNode[] = [];
  for (let i = 0; i < next.length; i++) {
    if (i < current.length) result.push(morphNode(current[i], next[i]));
    else {
      parent.insertBefore(next[i], after);
      result.push(next[i]);
    }
  }
  for (let i = next.length; i < current.length; i++) current[i].remove();
  return result;
}

/** `from` made equal to `to`, or `to` in its place when they are not the same kind of node. */
function morphNode(from: ChildNode, to: ChildNode): ChildNode {
  if (from.nodeType !== to.nodeType || from.nodeName !== to.nodeName) {
    from.replaceWith(to);
    return to;
  }
  if (from instanceof CharacterData) {
    const data = (to as CharacterData).data;
    if (from.data !== data) from.data = data;
    return from;
  }
  if (!(from instanceof Element) || !(to instanceof Element)) {
    from.replaceWith(to);
    return to;
  }
  syncAttributes(from, to);
  morphSiblings(from, [...from.childNodes], [...to.childNodes]);
  return from;
}

/** Same attributes, same values, in the same order (serialised HTML, and so equality, shows the order). */
function syncAttributes(from: Element, to: Element): void {
  const names = to.getAttributeNames();
  const current = from.getAttributeNames();
  if (names.length !== current.length || names.some((name, i) => name !== current[i])) {
    for (const name of current) from.removeAttribute(name);
  }
  for (const name of names) {
    const value = to.getAttribute(name) ?? '';
    if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  }
}
