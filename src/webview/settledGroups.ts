/**
 * Where a streamed answer's finished blocks go: into groups (`div.md-settled`) of a few dozen nodes,
 * ahead of the open tail's nodes. Every frame that grows the tail makes the browser walk the children
 * of the element that holds it (layout, pre-paint, paint); with the finished blocks grouped, that walk
 * passes a group, not each block in it, so a frame late in a long answer costs what an early one does.
 * A group has no box of its own (no padding, border or formatting context): block margins collapse
 * through it, and the answer lays out as if the blocks were the element's own children.
 */

export const SETTLED_GROUP_CLASS = 'md-settled';

/** Nodes per group: enough to keep the groups few, few enough that adding to one stays cheap. */
export const SETTLED_GROUP_NODES = 24;

export class SettledGroups {
  /** The group finished nodes go into next; a new one starts once it is full. */
  private open: HTMLElement | undefined;

  constructor(private readonly parent: HTMLElement) {}

  /**
   * Moves finished nodes, children of the parent just after the last group, into groups. A full group
   * ends only after a whitespace text node, which markdown-it puts between blocks, so whatever sits
   * beside a block (a code block's toolbar before its `<pre>`) stays in the block's group. The nodes
   * themselves move: a node kept by the tail's morph is the same node once settled.
   */
  add(nodes: readonly ChildNode[]): void {
    for (const node of nodes) {
      if (!this.open) {
        this.open = document.createElement('div');
        this.open.className = SETTLED_GROUP_CLASS;
        this.parent.insertBefore(this.open, node);
      }
      this.open.append(node);
      if (this.open.childNodes.length >= SETTLED_GROUP_NODES && node instanceof Text && node.data.trim() === '') this.open = undefined;
    }
  }
}
