/** randshim/compat/4.0: line-entry.ts bound to 4.0 (scripts/build/line-entries.ts writes 40.js). */
export * from './line-entry.js';
