/**
 * Fitting the report to a terminal: every line `npm start` prints is at most {@link REPORT_WIDTH}
 * columns. Prose is wrapped at spaces with a hanging indent; tables fit themselves
 * (./table.ts wraps their widest cells with {@link wrapWords}).
 */

/** Columns of the report: a 100-column terminal. */
export const REPORT_WIDTH = 100;

/** Cuts `text` into pieces of at most `width` characters at spaces (a word longer than `width`
 * is cut where it must be, after a `/` or `,` when one is near enough). */
export function wrapWords(text: string, width: number): string[] {
  if (width < 1) throw new RangeError(`wrapWords: width ${width} < 1`);
  const lines: string[] = [];
  let current = '';
  for (let word of text.split(' ').filter((w) => w.length > 0)) {
    while (word.length > width) {
      if (current.length > 0) {
        lines.push(current);
        current = '';
      }
      const head = word.slice(0, width);
      const soft = Math.max(head.lastIndexOf('/'), head.lastIndexOf(','));
      const cut = soft >= width / 2 ? soft + 1 : width;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    if (current.length === 0) current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current.length > 0 || lines.length === 0) lines.push(current);
  return lines;
}

/** One line fitted to `width`: longer lines are wrapped at spaces, the continuation lines
 * indented two columns deeper than the line itself (a hanging indent). */
export function wrapLine(line: string, width = REPORT_WIDTH): string[] {
  if (line.length <= width) return [line];
  const indent = /^ */.exec(line)?.[0] ?? '';
  const hanging = indent.length + 2 < width / 2 ? `${indent}  ` : indent;
  const [first, ...rest] = wrapWords(line.slice(indent.length), width - indent.length);
  const out = [indent + first];
  // The first line sets the room; the rest is re-wrapped into the narrower hanging space.
  if (rest.length > 0) for (const piece of wrapWords(rest.join(' '), width - hanging.length)) out.push(hanging + piece);
  return out;
}

/** A block of text with every line fitted to `width`. */
export function wrapText(text: string, width = REPORT_WIDTH): string {
  return text.split('\n').flatMap((line) => wrapLine(line, width)).join('\n');
}
