/**
 * Maps each class's prototype to the header word it is written with: its index in `classes` (the
 * type id), plus `flag` when the id is in `flagged`. `0` entries are skipped.
 */
export function typesOf(
  classes: readonly (0 | { readonly prototype: object })[],
  flagged: readonly number[] = [],
  flag = 0x10000,
): ReadonlyMap<object, number> {
  const types = new Map<object, number>();
  classes.forEach((type, id) => {
    if (type !== 0) types.set(type.prototype, flagged.includes(id) ? id | flag : id);
  });
  return types;
}
