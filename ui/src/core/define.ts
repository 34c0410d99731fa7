/**
 * Registers a custom element unless the page already has it: the sidebar module and a tool's own module both define
 * the tool, and a page may load both.
 */
export function defineElement(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
