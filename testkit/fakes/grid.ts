// A sparse-ish 2-D store (jagged rows, default value) that can insert and delete rows and columns.

/** 0-based cell storage; cells never written read as `empty`. */
export class Grid<T> {
  private rows: T[][] = [];

  constructor(private readonly empty: T) {}

  get(r: number, c: number): T {
    const row = this.rows[r];
    if (!row) return this.empty;
    const v = row[c];
    return v === undefined ? this.empty : v;
  }

  set(r: number, c: number, v: T): void {
    let row = this.rows[r];
    if (!row) {
      if (v === this.empty) return;
      while (this.rows.length <= r) this.rows.push(undefined as unknown as T[]);
      row = this.rows[r] = [];
    }
    row[c] = v;
  }

  /** Resets a rectangle to empty. */
  clearRect(r: number, c: number, numRows: number, numCols: number): void {
    for (let i = r; i < r + numRows && i < this.rows.length; i++) {
      const row = this.rows[i];
      if (!row) continue;
      for (let j = c; j < c + numCols && j < row.length; j++) row[j] = this.empty;
    }
  }

  clearAll(): void {
    this.rows = [];
  }

  /** Removes `deleteCount` rows at `at` and inserts `insertCount` empty rows there. */
  spliceRows(at: number, deleteCount: number, insertCount: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, deleteCount, ...new Array<T[]>(insertCount).fill(undefined as unknown as T[]));
  }

  /** Same for columns, in every stored row. */
  spliceColumns(at: number, deleteCount: number, insertCount: number): void {
    for (const row of this.rows) {
      if (!row || at >= row.length) continue;
      row.splice(at, deleteCount, ...new Array<T>(insertCount).fill(this.empty));
    }
  }

  /** 1 + the last row index holding a non-empty value (0 when none). */
  extentRows(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row?.some((v) => v !== undefined && v !== this.empty)) return r + 1;
    }
    return 0;
  }

  /** 1 + the last column index holding a non-empty value in any row (0 when none). */
  extentColumns(): number {
    let max = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= max; c--) {
        if (row[c] !== undefined && row[c] !== this.empty) {
          max = c + 1;
          break;
        }
      }
    }
    return max;
  }
}
