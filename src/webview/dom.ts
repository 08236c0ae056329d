/** A small element builder: UI chrome is built with DOM calls, never HTML strings. */

type AttributeValue = string | number | boolean | undefined;

export interface ElementProps {
  class?: string;
  text?: string;
  /** `false`/`undefined` omit the attribute, `true` sets it empty. */
  attrs?: Record<string, AttributeValue>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) setAttribute(element, name, value);
  if (props.text !== undefined) element.textContent = props.text;
  element.append(...children);
  return element;
}

export function setAttribute(element: Element, name: string, value: AttributeValue): void {
  if (value === undefined || value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : String(value));
}

/** A button that runs `onClick`; real `<button>` elements so they are keyboard reachable. */
export function button(label: string, onClick: () => void, props: ElementProps = {}, icon?: string): HTMLButtonElement {
  const iconNode = icon ? [h('span', { class: `codicon codicon-${icon}`, attrs: { 'aria-hidden': 'true' } })] : [];
  const element = h('button', { ...props, attrs: { type: 'button', ...props.attrs } }, ...iconNode, h('span', { class: 'button-label', text: label }));
  element.addEventListener('click', onClick);
  return element;
}

/**
 * Shows or hides an element, touching the attribute only when that changes: views call this every
 * frame, and even an unchanged attribute write queues a mutation and can invalidate style.
 */
export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}
