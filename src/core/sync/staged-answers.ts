// What a run has learned from Cademi so far: product names and each (student, product)'s outcome,
// one of each, and every record in the order staged: the rows of the staging sheet. (The students
// themselves are kept, and de-duplicated, by the tag listing.)

import type { ProductId, StudentId } from '../model/ids';
import type { StagedProduct, StagedProgress, StagedRecord, StagedSkip } from './staging';
import { workKey } from './work-plan';

export class StagedAnswers {
  private readonly products = new Map<ProductId, StagedProduct>();
  private readonly outcomes = new Map<string, StagedProgress | StagedSkip>();
  private readonly records: StagedRecord[] = [];
  /** Students moved in `Ajustes` that the API does not know: not staged, so a later slice asks again. */
  private readonly missing = new Set<StudentId>();

  /**
   * Keeps a record; false, and nothing kept, for a second product or outcome of the same key.
   * A student record is always kept: the caller lets only new students through.
   */
  add(record: StagedRecord): boolean {
    if (record.kind === 'product') {
      if (this.products.has(record.productId)) return false;
      this.products.set(record.productId, record);
    } else if (record.kind === 'progress' || record.kind === 'skip') {
      const key = workKey(record.studentId, record.productId);
      if (this.outcomes.has(key)) return false;
      this.outcomes.set(key, record);
    }
    this.records.push(record);
    return true;
  }

  hasProduct(productId: ProductId): boolean {
    return this.products.has(productId);
  }

  /** The name fetched in this run ('' for a product Cademi does not know), undefined when not fetched. */
  productName(productId: ProductId): string | undefined {
    return this.products.get(productId)?.name;
  }

  outcome(key: string): StagedProgress | StagedSkip | undefined {
    return this.outcomes.get(key);
  }

  hasOutcome(key: string): boolean {
    return this.outcomes.has(key);
  }

  /** (student, product) pairs the API could not answer for. */
  skipped(): number {
    let count = 0;
    for (const outcome of this.outcomes.values()) if (outcome.kind === 'skip') count++;
    return count;
  }

  noteMissingStudent(studentId: StudentId): void {
    this.missing.add(studentId);
  }

  missingStudents(): ReadonlySet<StudentId> {
    return this.missing;
  }

  /** Every record, in the order staged. */
  all(): readonly StagedRecord[] {
    return this.records;
  }
}
