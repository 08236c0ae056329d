/**
 * The object bodies a parse left out (see regions/skippableBodies.ts), as the front-ends meet them in the tree:
 * an object literal whose braces were parsed and whose members were not. Its value is an object whose
 * `entries` cannot be known; reading them marks the parse as insufficient, and the front-end lints again from
 * a parse without skipping. Everything else about it — kind, range, text, fixes built from the document text —
 * is the same as in a full parse.
 */
import type { Tree } from '@vscode/tree-sitter-wasm';
import type { Span, StaticObject } from '../staticValue';

export class SkippedBodies {
  /** Set when a front-end read the members of a skipped body: its findings may differ from a full parse's. */
  read = false;
  /** Opening-brace offset → closing-brace offset + 1 (the object's end). */
  private readonly objects = new Map<number, number>();

  constructor(
    readonly bodies: readonly Span[],
    /** The grammar's node type for the literal: `object`, `dictionary`. */
    private readonly objectType: string,
  ) {
    for (const body of bodies) this.objects.set(body.start - 1, body.end + 1);
  }

  get skippedChars(): number {
    return this.bodies.reduce((sum, body) => sum + body.end - body.start, 0);
  }

  /** The skipped bodies that are the inside of an object literal in `tree` (not, say, text in a string or a type). */
  confirmedIn(tree: Tree): Span[] {
    const root = tree.rootNode;
    return this.bodies.filter((body) => {
      const open = body.start - 1;
      const end = body.end + 1;
      // The smallest node spanning the braces: the object itself, or a string, comment, type… around them.
      const object = root.descendantForIndex(open, end);
      return object !== null && object.type === this.objectType && object.startIndex === open && object.endIndex === end;
    });
  }

  /** Whether `node` is an object literal whose body was skipped. */
  isSkipped(node: { startIndex: number; endIndex: number }): boolean {
    return this.objects.get(node.startIndex) === node.endIndex;
  }

  /** The value of a skipped object literal: `object` with `entries` that flag the read. */
  value(object: Omit<StaticObject, 'entries'>): StaticObject {
    const value = { ...object } as StaticObject;
    Object.defineProperty(value, 'entries', {
      enumerable: true,
      get: () => {
        this.read = true;
        return [];
      },
    });
    return value;
  }
}
