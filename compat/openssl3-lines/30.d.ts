/** randshim/compat/3.0: line-entry.ts bound to 3.0 (scripts/build/line-entries.ts writes 30.js). */
export * from './line-entry.js';
