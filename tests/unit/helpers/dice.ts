/**
 * The Dice coefficient of two strings' character-bigram multisets, written out plainly: the tests'
 * own account of the lineage similarity, independent of src/lineage (keyTokens, the join).
 */
export function bigramDice(a: string, b: string): number {
  const grams = (s: string) => {
    const c = Array.from(s);
    return c.length === 1 ? [s] : c.slice(1).map((x, i) => c[i]! + x);
  };
  const x = grams(a);
  const rest = grams(b);
  const total = x.length + rest.length;
  let shared = 0;
  for (const g of x) {
    const i = rest.indexOf(g);
    if (i >= 0) {
      shared++;
      rest.splice(i, 1);
    }
  }
  return (2 * shared) / total;
}
