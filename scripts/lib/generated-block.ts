/**
 * A generated block of a Markdown document: the text between a begin and an end marker comment.
 * Every generated table in docs/ (personalities, FIPS behaviours, ported-test inventory) is kept
 * this way, so its only copy is the code that renders it; these three functions are the one
 * reader, writer and command for all of them.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Where a block lives: its document (for messages) and its two markers. */
export interface BlockMarkers {
  readonly file: string;
  readonly begin: string;
  readonly end: string;
}

/** The block's text between the markers, trimmed, or null when the markers are missing. */
export function blockIn(doc: string, markers: BlockMarkers): string | null {
  const begin = doc.indexOf(markers.begin);
  const end = doc.indexOf(markers.end, begin < 0 ? 0 : begin);
  return begin < 0 || end < 0 ? null : doc.slice(begin + markers.begin.length, end).trim();
}

/** `doc` with the block replaced by `text`; throws when the markers are missing. */
export function spliceBlock(doc: string, markers: BlockMarkers, text: string): string {
  const begin = doc.indexOf(markers.begin);
  const end = doc.indexOf(markers.end, begin < 0 ? 0 : begin);
  if (begin < 0 || end < 0) throw new Error(`${markers.file} lacks the markers ${markers.begin} ... ${markers.end}`);
  return `${doc.slice(0, begin + markers.begin.length)}\n${text}\n${doc.slice(end)}`;
}

/**
 * The table commands (`npm run personality-table`, `node dist/scripts/fips-table.js`): write the
 * rendered block into `path`, or with `--check` only say whether it is up to date (exit code 1
 * when stale), one line either way.
 */
export function writeOrCheckBlock(path: string, markers: BlockMarkers, text: string, what: string): void {
  const current = readFileSync(path, 'utf8');
  const next = spliceBlock(current, markers, text);
  if (process.argv.includes('--check')) {
    console.log(`${markers.file}: ${what} is ${next === current ? 'up to date' : 'stale'}`);
    process.exitCode = next === current ? 0 : 1;
  } else if (next !== current) {
    writeFileSync(path, next);
    console.log(`${markers.file}: ${what} updated`);
  } else {
    console.log(`${markers.file}: ${what} already up to date`);
  }
}
