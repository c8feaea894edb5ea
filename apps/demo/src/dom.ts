/**
 * The element with this id, checked against its expected class. A missing or mistyped element is a
 * bug in `index.html`, so it throws with the id rather than failing later.
 */
export function byId<T extends HTMLElement>(doc: Document, id: string, type: abstract new () => T): T {
  const element = doc.getElementById(id);
  if (!(element instanceof type)) throw new Error(`index.html: #${id} is missing or not a ${type.name}`);
  return element;
}
