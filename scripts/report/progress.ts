/**
 * Progress of `npm start`'s phases. On a terminal: one cli-progress bar on stderr for the
 * running phase (cleared when it ends, before its section is printed); when stderr is piped or
 * a file: one line per phase as it starts, so a log shows what is running and since when.
 */
import cliProgress from 'cli-progress';
import { REPORT_WIDTH } from './text.js';

/** What a phase reports: units done of a total, and what it is working on. */
export type ProgressUpdate = (done: number, total: number, detail?: string) => void;

const LABEL_WIDTH = 34;
const BAR_WIDTH = 20;
/** Room for the detail: the rest of the line after label, bar, counts and time. */
const DETAIL_WIDTH = REPORT_WIDTH - LABEL_WIDTH - BAR_WIDTH - 30;

const fit = (s: string, n: number): string => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}~`);

export class ReportProgress {
  readonly #terminal: boolean;
  readonly #write: (line: string) => void;
  readonly #started = Date.now();
  #bar: cliProgress.SingleBar | null = null;
  #label = '';

  /** `terminal`: draw bars (stderr is a TTY); otherwise print a line per phase with `write`. */
  constructor(terminal: boolean, write: (line: string) => void = (line) => process.stderr.write(line)) {
    this.#terminal = terminal;
    this.#write = write;
  }

  /** Starts the phase `label` (ending the one before). */
  begin(label: string): void {
    this.end();
    this.#label = label;
    if (!this.#terminal) {
      const at = ((Date.now() - this.#started) / 1000).toFixed(1).padStart(6);
      this.#write(`[${at} s] ${label} ...\n`);
      return;
    }
    this.#bar = new cliProgress.SingleBar({
      format: `${fit(label, LABEL_WIDTH)} {bar} {value}/{total} {detail} {duration}s`,
      barsize: BAR_WIDTH, clearOnComplete: true, hideCursor: true, stream: process.stderr, fps: 5,
      barCompleteChar: '#', barIncompleteChar: '.',
    });
    this.#bar.start(0, 0, { detail: fit('', DETAIL_WIDTH) });
  }

  /** The running phase's progress (drawn on a terminal; nothing is printed otherwise). */
  readonly update: ProgressUpdate = (done, total, detail = '') => {
    if (this.#bar === null) return;
    this.#bar.setTotal(total);
    this.#bar.update(done, { detail: fit(detail, DETAIL_WIDTH) });
  };

  /** Ends the running phase: its bar is cleared. */
  end(): void {
    this.#bar?.stop();
    this.#bar = null;
  }

  /** The label of the running (or last) phase. */
  get label(): string {
    return this.#label;
  }
}
