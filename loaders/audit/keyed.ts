/**
 * Values keyed by three strings (a figure's scope, flow and code; a column's
 * side, measure and header) without a joined key built per lookup: each level
 * holds a handful of strings that every item shares, whose hash V8 keeps.
 */
export class Keyed3<V> {
  private readonly top = new Map<string, Map<string, Map<string, V>>>();

  get(a: string, b: string, c: string): V | undefined {
    return this.top.get(a)?.get(b)?.get(c);
  }

  set(a: string, b: string, c: string, v: V): void {
    let byB = this.top.get(a);
    if (!byB) this.top.set(a, (byB = new Map()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map()));
    byC.set(c, v);
  }
}
