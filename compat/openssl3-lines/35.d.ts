/** randshim/compat/3.5: line-entry.ts bound to 3.5 (scripts/build/line-entries.ts writes 35.js). */
export * from './line-entry.js';
