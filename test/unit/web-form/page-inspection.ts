/**
 * Small regex readers for the pages under test. They rely on the pages escaping `>` and `"` in
 * attribute values, which is itself under test, and keep the tests free of an HTML parser dependency.
 */
export type Attributes = Readonly<Record<string, string>>;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Reverses the five escapes the pages use, giving the value a browser would see. */
export const decode = (text: string): string => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? _);

export function tags(page: string, name: string): Attributes[] {
  const found: Attributes[] = [];
  for (const match of page.matchAll(new RegExp(`<${name}\\b([^>]*)>`, 'gi'))) {
    const attributes: Record<string, string> = {};
    for (const attr of (match[1] ?? '').matchAll(/([a-zA-Z][\w:-]*)(?:="([^"]*)")?/g)) {
      attributes[attr[1]!.toLowerCase()] = decode(attr[2] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

export const ids = (page: string): string[] => [...page.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);

/** Text of the element with the given id (tags stripped), for checking what a reference points at. */
export function textOf(page: string, id: string): string {
  const match = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(page);
  if (!match) throw new Error(`no element with id ${id}`);
  return match[2]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

export const EMAIL_LIKE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
