/** Hostile strings every field must survive: escaped or rejected, never injected. */
export const HOSTILE_STRINGS: readonly {
  readonly name: string;
  readonly value: string;
  readonly shownAsIs: boolean;
}[] = [
  { name: 'script element', value: '<script>alert(1)</script>', shownAsIs: true },
  { name: 'attribute break-out', value: '"><img src=x onerror=alert(1)>', shownAsIs: true },
  { name: 'javascript URL', value: 'javascript:alert(1)', shownAsIs: true },
  { name: 'CR/LF header injection', value: 'Zeile\r\nBcc: victim@example.org', shownAsIs: false },
  { name: '10 kB of text', value: 'Wort '.repeat(2048).trim(), shownAsIs: true },
  { name: 'emoji', value: 'Grüße 😀👍🏽 🇩🇪', shownAsIs: true },
  { name: 'right-to-left text', value: 'مرحبا بالعالم שלום עולם', shownAsIs: true },
  { name: 'bidi override', value: 'abc\u202Eevil.exe', shownAsIs: false },
  { name: 'merge field', value: '{{unsubscribeUrl}}', shownAsIs: false },
  { name: 'merge marker', value: '\uE000unsubscribeUrl:url\uE001', shownAsIs: false },
];

/** Every string leaf of a value with its path as keys. */
export function collectStringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => collectStringPaths(v, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => collectStringPaths(v, [...path, k]));
  }
  return [];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
export function replaceAt<T>(value: T, path: readonly (string | number)[], replacement: string): T {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy as T;
}

/** `sections[1].items[0].url` for `['sections', 1, 'items', 0, 'url']`. */
export function formatKeyPath(path: readonly (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
