/**
 * DOM writes for the painters (rows, timeline): each value is remembered per node, so an unchanged value is
 * neither read back from the DOM (a CSSOM or attribute read) nor written again (a write, even of the same value,
 * is a mutation and may restyle the element).
 */
const written = new WeakMap<Node, Map<string, string | boolean | null>>()

function cacheOf(node: Node): Map<string, string | boolean | null> {
  let cache = written.get(node)
  if (cache === undefined) {
    cache = new Map()
    written.set(node, cache)
  }
  return cache
}

export function setAttr(element: Element, name: string, value: string | null): void {
  const cache = cacheOf(element)
  if (cache.get(name) === value && cache.has(name)) return
  cache.set(name, value)
  if (value === null) element.removeAttribute(name)
  else element.setAttribute(name, value)
}

export function setText(node: Text, value: string): void {
  const cache = cacheOf(node)
  if (cache.get('data') === value) return
  cache.set('data', value)
  node.data = value
}

export function setClass(element: HTMLElement, value: string): void {
  setAttr(element, 'class', value)
}

export function setStyle(element: HTMLElement | SVGElement, property: 'top' | 'left' | 'width' | 'height' | 'transform', value: string): void {
  const cache = cacheOf(element)
  const key = `style.${property}`
  if (cache.get(key) === value) return
  cache.set(key, value)
  element.style[property] = value
}

export function setHidden(element: HTMLElement, hidden: boolean): void {
  const cache = cacheOf(element)
  if (cache.get('hidden') === hidden) return
  cache.set('hidden', hidden)
  element.hidden = hidden
}

export function px(value: number): string {
  return `${Math.round(value * 100) / 100}px`
}

