// Safe DOM building for the sidebar: text always goes through `textContent`, never through HTML.

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  /** Attributes set with setAttribute (values are never parsed as HTML). */
  readonly attrs?: Readonly<Record<string, string>>;
  readonly onClick?: () => void;
}

/** `el('li', { className: 'x' }, 'text', child)`: strings become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  if (options.onClick) element.addEventListener('click', () => options.onClick?.());
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A real `<button type=button>` with a visible caption. */
export function button(caption: string, onClick: () => void, className = 'secondary', label?: string): HTMLButtonElement {
  const element = el('button', { className, text: caption, attrs: { type: 'button' }, onClick: () => onClick() });
  if (label) element.setAttribute('aria-label', label);
  return element;
}

/** The element with this id, typed, or an error naming the missing id (a template/script mismatch). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Sidebar template has no element #${id}`);
  return element as T;
}

/** Replaces every child of `parent` with `children`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...children.filter((child): child is Node | string => child !== null && child !== undefined && child !== false));
}

/** Disables a button while `work` runs (and marks it busy for screen readers). */
export async function whileBusy<T>(control: HTMLButtonElement, busyCaption: string, work: () => Promise<T>): Promise<T> {
  const caption = control.textContent ?? '';
  control.disabled = true;
  control.setAttribute('aria-busy', 'true');
  control.textContent = busyCaption;
  try {
    return await work();
  } finally {
    control.disabled = false;
    control.removeAttribute('aria-busy');
    control.textContent = caption;
  }
}
