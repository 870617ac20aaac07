/** randshim/compat/3.6: line-entry.ts bound to 3.6 (scripts/build/line-entries.ts writes 36.js). */
export * from './line-entry.js';
