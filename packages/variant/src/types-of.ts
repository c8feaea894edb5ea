/** Maps each class's prototype to its index in `classes`, the type id it is written with; `0` entries are skipped. */
export function typesOf(classes: readonly (0 | { readonly prototype: object })[]): Map<object, number> {
  const types = new Map<object, number>();
  classes.forEach((type, id) => {
    if (type !== 0) types.set(type.prototype, id);
  });
  return types;
}
