/** U+FFFD (what a decoder writes for bytes it cannot read) and control characters a person never types. */
const UNREADABLE = /[\uFFFD\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/g;

/**
 * True when most of a decoded body is not text: a base64 or charset error turned it into replacement
 * characters. A few (Latin-1 letters in a mail that claims UTF-8: "Jeg �nsker") leave it readable;
 * past a fifth of the visible characters nothing a person wrote can be recovered.
 */
export function isMostlyUnreadable(text: string): boolean {
  const visible = text.replace(/\s+/g, '');
  if (visible.length === 0) return false;
  const unreadable = visible.match(UNREADABLE)?.length ?? 0;
  return unreadable / visible.length > 0.2;
}
