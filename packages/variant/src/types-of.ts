/** Maps each class's prototype to its index in `classes` (its type id); `0` entries are skipped. */
export function typesOf(classes: readonly (0 | { readonly prototype: object })[]): ReadonlyMap<object, number> {
  const types = new Map<object, number>();
  classes.forEach((type, id) => {
    if (type !== 0) types.set(type.prototype, id);
  });
  return types;
}
