// What the weekly job needs from a Cademi API generation, as one port with an adapter per generation
// (v1.ts, v3.ts): the requests of each phase and what their answers mean to the run. The job keeps
// the state and the rules; a dialect only builds requests and reads answers, so both generations
// share every guard (pacing, retries, paging caps, "an empty answer never replaces rows").

import type { ApiGeneration, StudentDateField } from '../../cademi/types';
import type { HttpRequest, HttpResponse } from '../../http';
import type { ProductId, StudentId, TagId } from '../../model/ids';

/** A student as a listing (or a one-student call) gives them, in either generation. */
export interface ListedStudent {
  /** The id the API knows the student by (v1's integer, v3's `usr_…`). */
  readonly id: StudentId;
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly createdAt: number | null;
  /** null = never accessed. */
  readonly lastAccessAt: number | null;
  readonly impossibleDates?: readonly StudentDateField[];
}

/** One page of a tag's listing; `nextPageUrl` is the next page's full URL (null at the end). */
export interface ListedPage {
  readonly students: readonly ListedStudent[];
  readonly nextPageUrl: string | null;
}

/** A student's progress in one product. */
export interface ProductProgress {
  readonly productId: ProductId;
  /** 0–100. */
  readonly percent: number;
  readonly lessonsCompleted: number;
}

/** One answer about progress: v1 gives one product per call, v3 a page of all the student's products. */
export interface ProgressPage {
  readonly items: readonly ProductProgress[];
  /** v3's cursor for the student's next page; null when this was the last. */
  readonly nextCursor: string | null;
}

/** The endpoint labels the job names in messages and logs, by phase. */
export interface DialectEndpoints {
  readonly product: string;
  readonly tagStudents: string;
  readonly student: string;
  readonly progress: string;
}

export interface ApiDialect {
  readonly api: ApiGeneration;
  readonly endpoints: DialectEndpoints;
  /** True when one progress call answers for every product of a student (v3), false for one per product (v1). */
  readonly progressPerStudent: boolean;
  /**
   * Whether the product lookup is an assumption about the API (v3's `/products/{id}`): then a failed
   * lookup costs only the name (a stand-in is used), never the run.
   */
  readonly productLookupAssumed: boolean;

  /** The request for a tracked product's name. */
  productRequest(productId: ProductId): HttpRequest;
  /**
   * The product's name: null when Cademi does not know the product, '' when it exists but its name
   * cannot be known (the rows then say `Produto {id}`). Throws the typed error otherwise.
   */
  readProduct(response: HttpResponse): string | null;

  /** The first page of a tag's listing. */
  tagPageRequest(tagId: TagId): HttpRequest;
  /** A later page, from the URL `readTagPage` gave (the token goes only to the API's own origin). */
  nextTagPageRequest(nextPageUrl: string, tagId: TagId): HttpRequest;
  /** One page of a listing; null when Cademi does not know the tag (404). */
  readTagPage(response: HttpResponse, tagId: TagId): ListedPage | null;

  /** One student, by the id the API knows them by. */
  studentRequest(studentId: StudentId): HttpRequest;
  /** The student; null when Cademi does not know them (404). */
  readStudent(response: HttpResponse): ListedStudent | null;

  /** v1: the progress in `productId`; v3: a page (after `cursor`) of the progress in every product. */
  progressRequest(studentId: StudentId, productId: ProductId | null, cursor: string | null): HttpRequest;
  /** The answer for `productId` (v1) or the page of every product (v3). Throws the typed error otherwise. */
  readProgress(response: HttpResponse, productId: ProductId | null): ProgressPage;

  /**
   * True for a 404 that is not this API answering (no error envelope of its generation): a base URL
   * that is no API at all must stop the run, never read as "this tag does not exist".
   */
  isForeignNotFound(response: HttpResponse): boolean;
}
