/** A run of whole lines, 0-based and inclusive at both ends. */
export interface LineSpan {
  startLine: number;
  endLine: number;
}
