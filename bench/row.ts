/** One line of the bench table. */
export interface BenchRow {
  case: string;
  metric: string;
  value: string;
  /** What the figure is held against (SPEC §8 bar), shown beside it. */
  bar?: string;
  /** Whether the figure met its bar (rows with a bar must say). */
  ok?: boolean;
}

/** A row held against a bar: `ok` decides, `bar` says what it was. */
export function barRow(row: Omit<BenchRow, 'bar' | 'ok'>, bar: string, ok: boolean): BenchRow {
  return { ...row, bar, ok };
}
