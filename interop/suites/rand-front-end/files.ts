/**
 * The files RAND_load_file and RAND_write_file scenario calls work on: one private directory per
 * comparison, where each call's {@link FileTarget} is made afresh just before the call, so the
 * C run and the randshim run meet identical files.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileTarget } from './calls.js';

export class ScenarioFiles {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'randshim-rand3-'));
  }

  /** Makes `target` and returns its path. A file of `size` bytes holds bytes i * 13 + 5. */
  prepare(target: FileTarget): string {
    const path = join(this.dir, 'target');
    rmSync(path, { recursive: true, force: true });
    switch (target.kind) {
      case 'file':
        writeFileSync(path, Uint8Array.from({ length: target.size }, (_, i) => (i * 13 + 5) & 0xff));
        return path;
      case 'directory':
        mkdirSync(path);
        return path;
      case 'no-directory':
        return join(this.dir, 'no-such-directory', 'target');
      default:
        return path;
    }
  }

  /** "N bytes" for a regular file at `path`, else "absent" or "not a file". */
  describe(path: string): string {
    try {
      const st = statSync(path);
      return st.isFile() ? `${st.size} bytes, mode ${(st.mode & 0o777).toString(8)}` : 'not a file';
    } catch {
      return 'absent';
    }
  }

  /** Removes the directory. */
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
