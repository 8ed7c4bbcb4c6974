// The Cademi API v3 contract this client relies on, in one declared table: every path, parameter and
// response field it reads, each marked `known` (stated in Cademi's reference) or `assumed` (not stated
// anywhere we could read; see /work/shared/cademi-api-v3.md). The parsers read field names from here
// and nowhere else, and a doctor command can walk the same table (`contractEntries`) against the live
// `/openapi.json`. Changing an assumption is a one-line edit here, and its tests say what it touches.

/** `known`: stated in Cademi's v3 reference; `assumed`: our guess, to be checked against `/openapi.json`. */
export type Knowledge = 'known' | 'assumed';

/** The type prefixes of v3's opaque ids [known]. */
export const V3_ID_PREFIXES = {
  user: 'usr_',
  product: 'prd_',
  tag: 'tag_',
  event: 'evt_',
  eventStream: 'str_',
  webhook: 'whk_',
} as const;

/** One of the v3 id prefixes (`usr_`, `prd_`, …). */
export type IdPrefix = (typeof V3_ID_PREFIXES)[keyof typeof V3_ID_PREFIXES];

/**
 * How a response field is read.
 * - `id`: a string starting with `prefix`, the rest of it as `V3_CONTRACT.ids.rest` allows;
 * - `text`: any string; `phone`: a string or digits, anything odd reads as null (a courtesy, never a failure);
 * - `integer`: a whole number ≥ 0; `percent`: a number in 0–100;
 * - `date-time`: an ISO 8601 / RFC 3339 timestamp, read to epoch milliseconds;
 * - `id-list`: an array of ids (or of objects holding one at `each`).
 */
export type FieldType = 'id' | 'text' | 'phone' | 'integer' | 'percent' | 'date-time' | 'id-list';

/** One response field the client reads. */
export interface FieldContract {
  /** Dotted path inside one list item (lists) or inside the body (single objects): `percent`, `data.user_id`. */
  readonly path: string;
  readonly type: FieldType;
  /** For `id` and `id-list`: the prefix every value starts with. */
  readonly prefix?: IdPrefix;
  /** For `id-list` of objects: the id's path inside each element (`tags[].id` → `each: 'id'`). */
  readonly each?: string;
  /** The key must be there: a missing key is a renamed field, never read as empty. */
  readonly required: boolean;
  /** null is an expected value (e.g. never accessed). */
  readonly nullable: boolean;
  readonly knowledge: Knowledge;
  /** What the field means to the monitor, and what exactly is assumed about it. */
  readonly note: string;
}

/** One request parameter the client sends. */
export interface ParamContract {
  /** As sent: `user_id` (path), `tag_id[]`, `limit`, `cursor`. */
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly knowledge: Knowledge;
  /** Sent once per value (`tag_id[]=a&tag_id[]=b`). */
  readonly repeated?: boolean;
  /** Ids: the prefix each value must carry. */
  readonly prefix?: IdPrefix;
  /** Integers: the bounds the client enforces before sending. */
  readonly min?: number;
  readonly max?: number;
  /** Timestamps: sent as RFC 3339 in UTC (`2026-11-23T03:00:00.000Z`). */
  readonly format?: 'date-time';
  readonly note?: string;
}

/** The list envelope: the items plus `page.next_cursor`, passed back as `cursor=` [known] with the same filters. */
export interface ListContract {
  /** Dotted path of the items' array. */
  readonly items: { readonly path: string; readonly knowledge: Knowledge };
  /** Dotted path of the next page's cursor; empty or null ends the list. */
  readonly nextCursor: { readonly path: string; readonly knowledge: Knowledge };
}

/** One endpoint: what is sent and what is read back. */
export interface EndpointContract {
  readonly method: 'GET';
  /** Relative to the base (`…/api/v3`), with `{name}` for path parameters. */
  readonly path: string;
  /** Whether the reference names this path at all (absent: it does); a guessed path is checked like a guessed field. */
  readonly pathKnowledge?: Knowledge;
  readonly params: readonly ParamContract[];
  /** null for a single object. */
  readonly list: ListContract | null;
  /** The fields read, by the role they play in the typed model. */
  readonly fields: Readonly<Record<string, FieldContract>>;
}

/** The whole table's shape (see V3_CONTRACT). */
export interface V3Contract {
  readonly basePath: string;
  readonly defaultBaseUrl: string;
  readonly authorization: {
    readonly header: string;
    readonly headerKnowledge: Knowledge;
    /** Tried in this order: `bearer` sends `Bearer <key>`, `raw` the key alone. */
    readonly schemes: readonly V3AuthScheme[];
    readonly schemeKnowledge: Knowledge;
  };
  readonly keys: { readonly live: string; readonly test: string; readonly knowledge: Knowledge };
  readonly ids: {
    readonly prefixes: typeof V3_ID_PREFIXES;
    readonly prefixKnowledge: Knowledge;
    /** What may follow the prefix: RFC 3986 unreserved characters, which a path segment carries as they are. */
    readonly rest: string;
    readonly restKnowledge: Knowledge;
  };
  readonly errorEnvelope: {
    readonly path: string;
    readonly code: string;
    readonly message: string;
    readonly requestId: string;
    readonly details: string;
    readonly knowledge: Knowledge;
  };
  readonly endpoints: Readonly<Record<string, EndpointContract>>;
  /** Event types that mean "this user's progress may have changed". */
  readonly progressEventTypes: { readonly values: readonly string[]; readonly knowledge: Knowledge; readonly note: string };
}

/** How the key travels in the Authorization header. */
export type V3AuthScheme = 'bearer' | 'raw';

/** The page size v3 allows on most lists [known]: 1–200. */
const LIMIT = { name: 'limit', in: 'query', knowledge: 'known', min: 1, max: 200 } as const satisfies ParamContract;
const CURSOR = { name: 'cursor', in: 'query', knowledge: 'known', note: 'opaque: page.next_cursor of the previous page' } as const satisfies ParamContract;

/** Every v3 list: items [assumed key] + page.next_cursor [known]. */
const LIST = {
  items: { path: 'items', knowledge: 'assumed' },
  nextCursor: { path: 'page.next_cursor', knowledge: 'known' },
} as const satisfies ListContract;

/** A user as the users list gives it. Only these fields are read: anything else in the answer is never kept. */
const USER_FIELDS = {
  id: {
    path: 'id',
    type: 'id',
    prefix: 'usr_',
    required: true,
    nullable: false,
    knowledge: 'assumed',
    note: 'the usr_ format is known; the key name is not stated',
  },
  name: { path: 'name', type: 'text', required: true, nullable: true, knowledge: 'assumed', note: 'display name' },
  email: { path: 'email', type: 'text', required: true, nullable: true, knowledge: 'assumed', note: 'matches a student across the v1 → v3 switch' },
  phone: { path: 'phone', type: 'phone', required: false, nullable: true, knowledge: 'assumed', note: "the history's phone column; absent reads as none" },
  createdAt: {
    path: 'created_at',
    type: 'date-time',
    required: false,
    nullable: true,
    knowledge: 'assumed',
    note: 'the created_after/created_before filters are known, the field is not',
  },
  lastAccessAt: {
    path: 'last_access_at',
    type: 'date-time',
    required: true,
    nullable: true,
    knowledge: 'assumed',
    note: 'the incremental rule; null = never accessed (status=active, accessed in the last 30 days, is known)',
  },
} as const satisfies Readonly<Record<string, FieldContract>>;

/**
 * The contract table. `endpoints` is keyed by what the monitor calls them; each entry's label in
 * messages is `${method} ${path}` (see `endpointLabel`).
 */
export const V3_CONTRACT = {
  basePath: '/api/v3',
  defaultBaseUrl: 'https://api.cademi.com.br/api/v3',
  authorization: { header: 'Authorization', headerKnowledge: 'known', schemes: ['bearer', 'raw'], schemeKnowledge: 'assumed' },
  keys: { live: 'ck_live_', test: 'ck_test_', knowledge: 'known' },
  ids: { prefixes: V3_ID_PREFIXES, prefixKnowledge: 'known', rest: '[A-Za-z0-9._~-]{1,128}', restKnowledge: 'assumed' },
  errorEnvelope: { path: 'error', code: 'code', message: 'message', requestId: 'request_id', details: 'details', knowledge: 'known' },
  endpoints: {
    usersByTag: {
      method: 'GET',
      path: '/users',
      params: [
        { name: 'tag_id[]', in: 'query', knowledge: 'known', repeated: true, prefix: 'tag_', note: 'users carrying any of the tags' },
        { name: 'status', in: 'query', knowledge: 'known', note: 'active = accessed in the last 30 days' },
        LIMIT,
        CURSOR,
      ],
      list: LIST,
      fields: USER_FIELDS,
    },
    userProgress: {
      method: 'GET',
      path: '/users/{user_id}/progress',
      params: [{ name: 'user_id', in: 'path', knowledge: 'known', prefix: 'usr_' }, LIMIT, CURSOR],
      list: LIST,
      fields: {
        productId: { path: 'product_id', type: 'id', prefix: 'prd_', required: true, nullable: false, knowledge: 'assumed', note: "the history's product id" },
        percent: {
          path: 'percent',
          type: 'percent',
          required: true,
          nullable: false,
          knowledge: 'assumed',
          note: 'the progress shown; assumed 0–100, not 0–1',
        },
        lessonsCompleted: {
          path: 'lessons_completed',
          type: 'integer',
          required: true,
          nullable: false,
          knowledge: 'assumed',
          note: 'lessons completed',
        },
        lastLessonAt: {
          path: 'last_lesson_at',
          type: 'date-time',
          required: true,
          nullable: true,
          knowledge: 'assumed',
          note: 'the last lesson activity in the product; null = none',
        },
      },
    },
    user: {
      method: 'GET',
      path: '/users/{user_id}',
      params: [{ name: 'user_id', in: 'path', knowledge: 'known', prefix: 'usr_' }],
      list: null,
      fields: {
        ...USER_FIELDS,
        tagIds: {
          path: 'tags',
          type: 'id-list',
          each: 'id',
          prefix: 'tag_',
          required: true,
          nullable: false,
          knowledge: 'assumed',
          note: 'that the user comes with tags is known; the key and the element shape are not',
        },
      },
    },
    product: {
      method: 'GET',
      path: '/products/{product_id}',
      pathKnowledge: 'assumed',
      params: [
        {
          name: 'product_id',
          in: 'path',
          knowledge: 'assumed',
          prefix: 'prd_',
          note: 'the reference lists products (reports, scopes) but no single-product path',
        },
      ],
      list: null,
      fields: {
        id: { path: 'id', type: 'id', prefix: 'prd_', required: true, nullable: false, knowledge: 'assumed', note: 'the prd_ format is known' },
        name: {
          path: 'name',
          type: 'text',
          required: true,
          nullable: true,
          knowledge: 'assumed',
          note: "the product's name in the history and the reports (progress items carry none); without it the row says Produto prd_…",
        },
      },
    },
    events: {
      method: 'GET',
      path: '/events',
      params: [
        { name: 'type', in: 'query', knowledge: 'known', note: 'one event type per listing' },
        { name: 'occurred_after', in: 'query', knowledge: 'known', format: 'date-time', note: 'the value format (RFC 3339, UTC) is assumed' },
        { ...LIMIT, knowledge: 'assumed', note: '1–200 is known for most lists, not stated for this one' },
        CURSOR,
      ],
      list: LIST,
      fields: {
        id: { path: 'id', type: 'id', prefix: 'evt_', required: true, nullable: false, knowledge: 'assumed', note: 'as in webhook bodies (known there)' },
        type: { path: 'type', type: 'text', required: true, nullable: false, knowledge: 'assumed', note: 'as in webhook bodies (known there)' },
        occurredAt: {
          path: 'occurred_at',
          type: 'date-time',
          required: true,
          nullable: false,
          knowledge: 'assumed',
          note: 'as in webhook bodies (known there); the list is oldest first (known)',
        },
        userId: {
          path: 'data.user_id',
          type: 'id',
          prefix: 'usr_',
          required: false,
          nullable: true,
          knowledge: 'assumed',
          note: 'who the event is about',
        },
        productId: {
          path: 'data.product_id',
          type: 'id',
          prefix: 'prd_',
          required: false,
          nullable: true,
          knowledge: 'assumed',
          note: 'which product, when the event names one',
        },
        percent: {
          path: 'data.percent',
          type: 'percent',
          required: false,
          nullable: true,
          knowledge: 'assumed',
          note: "a progress event's new percent (webhook bodies carry the same event): what doPost keeps in _Webhook",
        },
      },
    },
    currentCredential: {
      method: 'GET',
      path: '/credentials/current',
      params: [],
      list: null,
      fields: {
        id: {
          path: 'id',
          type: 'text',
          required: false,
          nullable: true,
          knowledge: 'assumed',
          note: 'shown when a key is checked; a 2xx is what validates it',
        },
        mode: { path: 'mode', type: 'text', required: false, nullable: true, knowledge: 'assumed', note: 'live or test' },
      },
    },
    openapi: {
      method: 'GET',
      path: '/openapi.json',
      params: [],
      list: null,
      fields: {},
    },
  },
  progressEventTypes: {
    values: ['progress.updated', 'lesson.completed'],
    knowledge: 'assumed',
    note: "Cademi's event catalog is not in the notes: which types mean progress changed is a guess",
  },
} as const satisfies V3Contract;

/** The endpoints' keys in V3_CONTRACT. */
export type V3EndpointName = keyof typeof V3_CONTRACT.endpoints;

/** `GET /users/{user_id}/progress`: the name messages and logs use for an endpoint. */
export function endpointLabel(endpoint: EndpointContract): string {
  return `${endpoint.method} ${endpoint.path}`;
}

/** The labels of every v3 endpoint, by name. */
export const V3_ENDPOINTS: { readonly [K in V3EndpointName]: string } = {
  usersByTag: endpointLabel(V3_CONTRACT.endpoints.usersByTag),
  userProgress: endpointLabel(V3_CONTRACT.endpoints.userProgress),
  user: endpointLabel(V3_CONTRACT.endpoints.user),
  product: endpointLabel(V3_CONTRACT.endpoints.product),
  events: endpointLabel(V3_CONTRACT.endpoints.events),
  currentCredential: endpointLabel(V3_CONTRACT.endpoints.currentCredential),
  openapi: endpointLabel(V3_CONTRACT.endpoints.openapi),
};

/**
 * A field's path from the body's root, as messages and the doctor name it: `items[].percent`,
 * `tags[].id`, `page.next_cursor`.
 */
export function fieldPath(endpoint: EndpointContract, field: FieldContract): string {
  const inItem = field.type === 'id-list' && field.each !== undefined ? `${field.path}[].${field.each}` : field.path;
  return endpoint.list === null ? inItem : `${endpoint.list.items.path}[].${inItem}`;
}

/** One thing the client relies on, flattened for a comparison with an OpenAPI document. */
export type ContractEntry =
  | { readonly kind: 'path'; readonly endpoint: string; readonly method: 'GET'; readonly path: string; readonly knowledge: Knowledge }
  | {
      readonly kind: 'parameter';
      readonly endpoint: string;
      readonly method: 'GET';
      readonly path: string;
      /** As OpenAPI names it (`tag_id[]` stays `tag_id[]`). */
      readonly name: string;
      readonly in: 'path' | 'query';
      readonly knowledge: Knowledge;
    }
  | {
      readonly kind: 'field';
      readonly endpoint: string;
      readonly method: 'GET';
      readonly path: string;
      /** From the body's root: `items[].percent`. */
      readonly field: string;
      /** The JSON type OpenAPI would give it. */
      readonly jsonType: 'string' | 'integer' | 'number' | 'array' | 'object';
      readonly required: boolean;
      readonly nullable: boolean;
      readonly knowledge: Knowledge;
    };

const JSON_TYPES: Readonly<Record<FieldType, 'string' | 'integer' | 'number' | 'array'>> = {
  id: 'string',
  text: 'string',
  phone: 'string',
  integer: 'integer',
  percent: 'number',
  'date-time': 'string',
  'id-list': 'array',
};

/**
 * Every path, parameter and response field of the contract, in table order: what a doctor command
 * checks against the live `/openapi.json` (a path exists with that method, a parameter is declared,
 * a field exists in the 2xx schema with that type).
 */
export function contractEntries(contract: V3Contract = V3_CONTRACT): ContractEntry[] {
  const entries: ContractEntry[] = [];
  for (const endpoint of Object.values(contract.endpoints)) {
    const where = { endpoint: endpointLabel(endpoint), method: endpoint.method, path: endpoint.path };
    entries.push({ kind: 'path', ...where, knowledge: endpoint.pathKnowledge ?? 'known' });
    for (const param of endpoint.params) entries.push({ kind: 'parameter', ...where, name: param.name, in: param.in, knowledge: param.knowledge });
    if (endpoint.list !== null) {
      const { items, nextCursor } = endpoint.list;
      entries.push({ kind: 'field', ...where, field: items.path, jsonType: 'array', required: true, nullable: false, knowledge: items.knowledge });
      entries.push({ kind: 'field', ...where, field: nextCursor.path, jsonType: 'string', required: true, nullable: true, knowledge: nextCursor.knowledge });
    }
    for (const field of Object.values(endpoint.fields)) {
      const entry = { kind: 'field', ...where, required: field.required, nullable: field.nullable, knowledge: field.knowledge } as const;
      if (field.type === 'id-list' && field.each !== undefined) {
        // A list of objects is two facts a schema states apart: the array, and the id in each element.
        const container = endpoint.list === null ? field.path : `${endpoint.list.items.path}[].${field.path}`;
        entries.push({ ...entry, field: container, jsonType: 'array' });
        entries.push({ ...entry, field: fieldPath(endpoint, field), jsonType: 'string', required: true, nullable: false });
      } else entries.push({ ...entry, field: fieldPath(endpoint, field), jsonType: JSON_TYPES[field.type] });
    }
  }
  return entries;
}
