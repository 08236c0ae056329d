/**
 * The numbered, de-duplicated sources of one answer. A source takes the number the model gave it
 * (xAI numbers from 1 in order of first citation and reuses a number for a repeated source), so chips
 * show what the model wrote; a repeated source keeps its first number, and a number the model gave to
 * two different URLs goes to the first, the second getting the next free one, so chips and the Sources
 * list always agree. `url_citation` annotations add titles; sources only annotated (never cited
 * inline, e.g. with `no_inline_citations`) are listed after the cited ones.
 */

export interface CitedUrl {
  /** 1-based display number. */
  number: number;
  /** The URL exactly as first cited: what a click opens. */
  url: string;
}

/** A `url_citation` annotation, already attached to the URL it belongs to. */
export interface SourceAnnotation {
  url: string;
  title?: string;
}

export interface Source extends CitedUrl {
  /** A human title from an annotation, when it says more than the number or the URL. */
  title?: string;
  /** True when the answer cites it inline (it has chips). */
  cited: boolean;
}

/** The de-duplication key: the parsed URL, so `https://x.ai` and `https://x.ai/` are one source. */
export function sourceKey(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** What to show for a source: its title, else its host without `www.`, else the URL. */
export function sourceLabel(source: Pick<Source, 'url' | 'title'>): string {
  if (source.title) return source.title;
  try {
    return new URL(source.url).hostname.replace(/^www\./, '') || source.url;
  } catch {
    return source.url;
  }
}

/** Labels for a list of sources; untitled sources that would read the same get their path added. */
export function distinctSourceLabels(sources: ReadonlyArray<Pick<Source, 'url' | 'title'>>): string[] {
  const labels = sources.map(sourceLabel);
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return labels.map((label, i) => {
    const { url, title } = sources[i];
    if (title || (counts.get(label) ?? 0) < 2) return label;
    try {
      const { pathname, search } = new URL(url);
      const rest = `${pathname}${search}`.replace(/\/$/, '');
      return rest ? `${label}${rest.length > 48 ? `${rest.slice(0, 47)}…` : rest}` : label;
    } catch {
      return label;
    }
  });
}

/** Numbers inline-cited URLs: the model's number when it is free, else the next free one. */
export class CitationNumbering {
  private readonly byKey: Map<string, CitedUrl>;
  private readonly taken: Set<number>;
  private highest: number;

  constructor(from?: CitationNumbering) {
    this.byKey = new Map(from?.byKey);
    this.taken = new Set(from?.taken);
    this.highest = from?.highest ?? 0;
  }

  /** A copy for provisional text (the open tail), so its numbers are not committed. */
  fork(): CitationNumbering {
    return new CitationNumbering(this);
  }

  /** The display number of a cited URL; `proposed` is the number the model wrote for it. */
  numberFor(url: string, proposed?: number): number {
    const key = sourceKey(url);
    const known = this.byKey.get(key);
    if (known) return known.number;
    const usable = proposed !== undefined && Number.isSafeInteger(proposed) && proposed > 0 && !this.taken.has(proposed);
    const number = usable ? proposed : this.highest + 1;
    this.byKey.set(key, { number, url });
    this.taken.add(number);
    this.highest = Math.max(this.highest, number);
    return number;
  }

  /** Cited URLs in number order. */
  cited(): CitedUrl[] {
    return [...this.byKey.values()].sort((a, b) => a.number - b.number);
  }
}

/** xAI sends the citation number as the title (`"1"`) or repeats the URL; neither is a title. */
function usefulTitle(title: string | undefined, url: string): string | undefined {
  const trimmed = title?.trim();
  if (!trimmed || /^\d+$/.test(trimmed) || sourceKey(trimmed) === sourceKey(url)) return undefined;
  return trimmed;
}

/** The Sources list: cited URLs by number with their titles, then annotation-only sources. */
export function listSources(cited: readonly CitedUrl[], annotations: readonly SourceAnnotation[]): Source[] {
  const titles = new Map<string, string>();
  const annotatedOnly = new Map<string, string>();
  for (const { url, title } of annotations) {
    const key = sourceKey(url);
    const useful = usefulTitle(title, url);
    if (useful && !titles.has(key)) titles.set(key, useful);
    if (!annotatedOnly.has(key)) annotatedOnly.set(key, url);
  }
  const sources: Source[] = cited.map(({ number, url }) => ({ number, url, title: titles.get(sourceKey(url)), cited: true }));
  for (const { url } of cited) annotatedOnly.delete(sourceKey(url));
  let next = Math.max(0, ...cited.map((c) => c.number));
  for (const [key, url] of annotatedOnly) {
    sources.push({ number: ++next, url, title: titles.get(key), cited: false });
  }
  return sources;
}
