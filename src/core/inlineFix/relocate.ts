/**
 * Finds a fix's target again in a document that changed after the request: the exact original text,
 * at the occurrence nearest to where it was. Anything short of an exact match means the user changed
 * the code the proposal was written for, and applying it would overwrite their edit: refuse.
 */

export type Relocation =
  | { found: true; offset: number }
  | { found: false; reason: 'missing' | 'ambiguous' };

export function relocateTarget(currentText: string, targetText: string, originalOffset: number): Relocation {
  if (targetText === '') return { found: false, reason: 'missing' };
  // The common case: nothing before the target changed.
  if (currentText.startsWith(targetText, originalOffset)) return { found: true, offset: originalOffset };

  let best: number | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (let at = currentText.indexOf(targetText); at >= 0; at = currentText.indexOf(targetText, at + 1)) {
    const distance = Math.abs(at - originalOffset);
    if (distance < bestDistance) {
      best = at;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
    // Occurrences only get further away past the original position.
    if (at > originalOffset) break;
  }
  if (best === undefined) return { found: false, reason: 'missing' };
  // Two copies equally near: which one the proposal was for cannot be known.
  if (tie) return { found: false, reason: 'ambiguous' };
  return { found: true, offset: best };
}
