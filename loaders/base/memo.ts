/**
 * A pure function's answers remembered by key, for one asked the same few keys again and
 * again (a document prints a handful of column headers or table sides, read on every row).
 * Bounded: past `limit` keys the answers are dropped and gathered again, so a corpus of any
 * size holds at most `limit` of them.
 */
export function remembered<V>(read: (key: string) => V, limit = 4096): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    if (answers.has(key)) return answers.get(key) as V;
    if (answers.size >= limit) answers.clear();
    const answer = read(key);
    answers.set(key, answer);
    return answer;
  };
}
