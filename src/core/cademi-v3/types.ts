// The Cademi API v3 objects the monitor uses, as typed values after parsing and validation. Times are
// epoch milliseconds. Only the fields the contract table declares are read: nothing else an answer
// carries is ever kept.

import type { ApiTarget } from '../cademi/types';
import type { V3AuthScheme } from './contract';
import type { V3Id } from './ids';

/** Where the v3 API lives and the key that opens it. The key is never written to a sheet or log. */
export interface V3Target extends ApiTarget {
  /** e.g. https://api.cademi.com.br/api/v3 (no trailing slash needed). */
  readonly baseUrl: string;
  /** How the key travels; default: the contract's first scheme (`bearer`). */
  readonly authScheme?: V3AuthScheme;
}

export type UserId = V3Id<'usr_'>;
export type ProductId = V3Id<'prd_'>;
export type TagId = V3Id<'tag_'>;
export type EventId = V3Id<'evt_'>;

export interface CademiV3User {
  readonly id: UserId;
  readonly name: string;
  readonly email: string;
  /** As Cademi holds it, trimmed; null when absent, blank or no phone at all. */
  readonly phone: string | null;
  readonly createdAt: number | null;
  /** null = never accessed. */
  readonly lastAccessAt: number | null;
}

/** One user as `GET /users/{user_id}` gives it: with the tags they carry. */
export interface CademiV3UserWithTags extends CademiV3User {
  readonly tagIds: readonly TagId[];
}

/** A user's progress in one product (one item of `GET /users/{user_id}/progress`). */
export interface CademiV3Progress {
  readonly productId: ProductId;
  /** 0–100. */
  readonly percent: number;
  readonly lessonsCompleted: number;
  /** The last lesson activity in the product; null when none. */
  readonly lastActivityAt: number | null;
}

/** A product as `GET /products/{product_id}` gives it. */
export interface CademiV3Product {
  readonly id: ProductId;
  readonly name: string;
}

/** One public event of the account (`GET /events`). */
export interface CademiV3Event {
  readonly id: EventId;
  readonly type: string;
  readonly occurredAt: number;
  /** The user the event is about, when it names one. */
  readonly userId: UserId | null;
  readonly productId: ProductId | null;
}

/** What `GET /credentials/current` says about the key (a 2xx is what validates it). */
export interface CademiV3Credential {
  readonly id: string | null;
  readonly mode: string | null;
}

/** One page of a cursor-paged v3 list. */
export interface V3Page<T> {
  readonly items: T[];
  /** The cursor for the next page; null when this was the last (Cademi's empty and null both mean that). */
  readonly nextCursor: string | null;
}
