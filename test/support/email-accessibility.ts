import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * An accessibility check for HTML e-mail, after the checks e-mail accessibility guides ask for:
 * the document's language and title, one `<h1>` and no skipped heading level, links that say where
 * they go (not a bare address), images with `alt`, layout tables marked `role="presentation"`,
 * text colours with at least 4.5:1 contrast on every background the mail uses, no text smaller
 * than 14 px, and a viewport so a phone shows one readable column. Answers each problem found, in
 * words a reviewer can act on; an empty list is a pass.
 */
export function emailAccessibilityProblems(html: string): string[] {
  const problems: string[] = [];
  const document = parseDocument(html);
  const elements: Element[] = [];
  const walk = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        elements.push(node as Element);
        walk((node as Element).children);
      }
    }
  };
  walk(document.children);
  const named = (name: string): Element[] => elements.filter((element) => element.name === name);
  const textOf = (node: ChildNode): string =>
    node.type === 'text' ? node.data : 'children' in node ? (node.children as ChildNode[]).map(textOf).join('') : '';

  const root = named('html')[0];
  if (!root?.attribs.lang?.trim()) problems.push('the <html> element has no lang attribute');
  const title = named('title')[0];
  if (!title || textOf(title).trim() === '') problems.push('the document has no <title>');
  if (!named('meta').some((meta) => meta.attribs.name === 'viewport')) problems.push('no viewport meta: a phone zooms out to a desktop width');

  const headings = elements.filter((element) => /^h[1-6]$/.test(element.name)).map((element) => Number(element.name[1]));
  if (headings[0] !== 1) problems.push(`the first heading is h${headings[0] ?? '(none)'}, not h1`);
  if (headings.filter((level) => level === 1).length > 1) problems.push('more than one h1');
  headings.forEach((level, index) => {
    const previous = headings[index - 1];
    if (previous !== undefined && level > previous + 1) problems.push(`heading level skipped: h${previous} followed by h${level}`);
  });

  for (const link of named('a')) {
    const text = textOf(link).trim();
    if (!link.attribs.href) problems.push(`a link without href: «${text}»`);
    if (text === '') problems.push(`a link with no text (href ${link.attribs.href})`);
    else if (/^(https?:\/\/)\S+$/i.test(text)) problems.push(`a link whose text is only its address: «${text}»`);
  }
  for (const image of named('img')) {
    if (image.attribs.alt === undefined) problems.push(`an image without alt text (${image.attribs.src ?? 'no src'})`);
  }
  for (const table of named('table')) {
    const isData = elements.some((element) => element.name === 'th' && isInside(element, table));
    if (!isData && table.attribs.role !== 'presentation') problems.push('a layout table without role="presentation"');
  }

  const styles = elements.map((element) => element.attribs.style ?? '').join(';');
  const colours = [...styles.matchAll(/(?:^|;)\s*color\s*:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1]!.toLowerCase());
  const backgrounds = [...styles.matchAll(/background(?:-color)?\s*:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1]!.toLowerCase());
  if (colours.length === 0) problems.push('no text colour set: a client in dark mode may pick an unreadable one');
  for (const colour of new Set(colours)) {
    for (const background of new Set(backgrounds.length > 0 ? backgrounds : ['#ffffff'])) {
      const ratio = contrast(colour, background);
      if (ratio < 4.5) problems.push(`text ${colour} on ${background} has contrast ${ratio.toFixed(2)}:1, below 4.5:1`);
    }
  }
  for (const match of styles.matchAll(/font-size\s*:\s*(\d+(?:\.\d+)?)px/gi)) {
    if (Number(match[1]) < 14) problems.push(`text of ${match[1]} px is too small to read on a phone`);
  }
  return problems;
}

function isInside(element: Element, ancestor: Element): boolean {
  for (let parent = element.parent; parent; parent = parent.parent) if (parent === ancestor) return true;
  return false;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
