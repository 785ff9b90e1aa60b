/**
 * The same plain data with its structurally equal parts stored once: equal strings, arrays and objects become one
 * instance each. A file summary repeats itself a great deal (every route of a file carries the facts of the
 * middleware they share, with the same spans, descriptions and rule names), and the project index keeps every
 * file's summary for as long as it runs: the copies were most of that memory.
 *
 * Only for data that nobody changes afterwards, since a shared part is seen from everywhere it occurs.
 * One pass; a part's key is made of its children's short identities (length-prefixed where text), never of their
 * whole text, so it stays linear in the size of the data.
 */
export function withSharedParts<T>(value: T): T {
  const strings = new Map<string, number>();
  /** The first instance of each text, by its number: it stands for all of them. */
  const firstTexts: string[] = [];
  const parts = new Map<string, object>();
  const ids = new Map<object, number>();

  const stringId = (text: string): number => {
    let id = strings.get(text);
    if (id === undefined) {
      id = strings.size;
      strings.set(text, id);
    }
    return id;
  };

  // Texts and parts by number; numbers, booleans and undefined as themselves, which no identity can look like.
  const idOf = (part: unknown): string => {
    if (typeof part === 'string') return `s${stringId(part)}`;
    if (typeof part === 'object') return part === null ? 'z' : `o${ids.get(part)!}`;
    return String(part);
  };

  const canonical = (key: string, built: object): object => {
    const existing = parts.get(key);
    if (existing) return existing;
    parts.set(key, built);
    ids.set(built, ids.size);
    return built;
  };

  const share = (part: unknown): unknown => {
    if (typeof part === 'string') {
      const id = stringId(part);
      return firstTexts[id] ?? (firstTexts[id] = part);
    }
    if (part === null || typeof part !== 'object') return part;
    if (Array.isArray(part)) {
      const items = part.map(share);
      let key = '[';
      for (const item of items) key += `${idOf(item)},`;
      return canonical(key, items);
    }
    const built: Record<string, unknown> = {};
    let key = '{';
    for (const name of Object.keys(part)) {
      const shared = share((part as Record<string, unknown>)[name]);
      built[name] = shared;
      key += `${name.length}:${name}=${idOf(shared)},`;
    }
    return canonical(key, built);
  };

  return share(value) as T;
}
