/**
 * Every test that proves a cell of the personality table: the personality spec's test of the
 * column (test/compat/personalities.spec.ts), the real-library test of the row's line question
 * (test/interop/personalities-lines.spec.ts, for 3.x columns of rows that have one) and the
 * row's own citations (./table.ts).
 */
import { LINE_QUESTIONS } from './line-questions.js';
import {
  lineQuestionProof, personalityProof, rowKey, type Behaviour, type Column, type Proof,
} from './table.js';

type Row = Behaviour<unknown, unknown, unknown>;

/** Whether the row is asked of the real 3.x libraries by test/interop/personalities-lines.spec.ts. */
export function hasLineQuestion(row: Row): boolean {
  return LINE_QUESTIONS[rowKey(row)] !== undefined;
}

/** The real-library tests of one column of `row` (the personality spec's test not included). */
export function realProofs(row: Row, column: Column): readonly Proof[] {
  const asked = column !== '1.1.1' && column !== 'fips' && hasLineQuestion(row) ? [lineQuestionProof(row, column)] : [];
  return [...asked, ...(row.proofs[column] ?? [])];
}

/** Every citation of `row`: the personality spec's test of each column, then the real-library ones. */
export function allProofs(row: Row): readonly Proof[] {
  const columns: readonly Column[] = ['1.1.1', '3.0', '3.5', '3.6', '4.0', 'fips'];
  const personality = columns.filter((c) => c !== 'fips').map((c) => personalityProof(row, c));
  return [...personality, ...columns.flatMap((c) => realProofs(row, c))];
}
