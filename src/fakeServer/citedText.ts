/**
 * Builds answer text with xAI's inline citations (`[[N]](url)`) and the matching `url_citation`
 * annotations: offsets in UTF-16 units spanning the whole link, `title` = the number (fact sheet §4).
 */

export interface UrlCitationAnnotation {
  type: 'url_citation';
  url: string;
  title: string;
  start_index: number;
  end_index: number;
}

export interface CitedText {
  text: string;
  annotations: UrlCitationAnnotation[];
}

/**
 * Replaces each `{{N}}` in the template with `[[N]](sources[N-1])` and records where it landed.
 * A source cited again keeps its number, as xAI does.
 */
export function renderCitedText(template: string, sources: readonly string[]): CitedText {
  const annotations: UrlCitationAnnotation[] = [];
  let text = '';
  let last = 0;
  for (const match of template.matchAll(/\{\{(\d+)\}\}/g)) {
    const number = Number(match[1]);
    const url = sources[number - 1];
    if (url === undefined) throw new Error(`Citation {{${number}}} has no source (only ${sources.length} given).`);
    text += template.slice(last, match.index);
    const link = `[[${number}]](${url})`;
    annotations.push({ type: 'url_citation', url, title: String(number), start_index: text.length, end_index: text.length + link.length });
    text += link;
    last = match.index + match[0].length;
  }
  return { text: text + template.slice(last), annotations };
}

/** Puts plain text (which may contain anything, even `{{1}}`) in front of a cited text, shifting its offsets. */
export function prefixCitedText(prefix: string, cited: CitedText): CitedText {
  return {
    text: prefix + cited.text,
    annotations: cited.annotations.map((a) => ({ ...a, start_index: a.start_index + prefix.length, end_index: a.end_index + prefix.length })),
  };
}
