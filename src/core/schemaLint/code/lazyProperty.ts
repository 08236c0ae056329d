/**
 * Defines `object[key]` as computed on first read, then kept: for context a consumer may never look at
 * (a tool's enclosing object matters only under a `function:` key, and evaluating a 300-entry tools map for
 * every tool in it would be wasted).
 */
export function defineLazily<T extends object, K extends keyof T>(object: T, key: K, compute: () => T[K]): void {
  let value: T[K] | undefined;
  let computed = false;
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!computed) {
        value = compute();
        computed = true;
      }
      return value;
    },
  });
}
