import type { ImportProblem } from '../contract/imports.ts';

/** Enough to correct a file by; a file wrong in every row would otherwise answer a report of megabytes. */
export const DEFAULT_MAX_PROBLEMS = 1_000;

/** Problems in the order found, kept up to a limit; the rest only counted, and named in a last line. */
export class ProblemList {
  private readonly kept: ImportProblem[] = [];
  private dropped = 0;

  constructor(private readonly max = DEFAULT_MAX_PROBLEMS) {}

  get count() {
    return this.kept.length + this.dropped;
  }

  add(problem: ImportProblem) {
    if (this.kept.length < this.max) this.kept.push(problem);
    else this.dropped++;
  }

  /** 第12行「结业日期」早于「开班日期」: a cell's problem, by the header the file gives its column. */
  cell(row: number, header: string, text: string) {
    this.add({ row, column: header, message: `第${row}行「${header}」${text}` });
  }

  /** A problem of the row as a whole. */
  row(row: number, text: string) {
    this.add({ row, column: null, message: `第${row}行${text}` });
  }

  list(): ImportProblem[] {
    return this.dropped ? [...this.kept, { row: null, column: null, message: `另有${this.dropped}处问题未列出` }] : [...this.kept];
  }
}
