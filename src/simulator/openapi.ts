// The simulator's `/openapi.json`: an OpenAPI 3.0 document generated from the client's contract table
// (V3_CONTRACT), so it describes exactly the paths, parameters and fields the simulator serves.

import { type EndpointContract, type FieldContract, type ParamContract, V3_CONTRACT, type V3Contract } from '../core/cademi-v3/contract';

/** A JSON Schema object as OpenAPI 3.0 writes it. */
type Schema = Record<string, unknown>;

/** The contract release the simulator claims to serve. */
export const SIMULATED_CONTRACT_VERSION = '3.12.0';

const ERROR_STATUSES = {
  '401': 'chave ausente ou inválida',
  '403': 'a chave não tem permissão para esta chamada',
  '404': 'não encontrado, ou fora do escopo da chave',
  '422': 'parâmetros inválidos',
  '429': 'limite de requisições excedido (veja Retry-After)',
} as const;

function idSchema(contract: V3Contract, prefix: string): Schema {
  return { type: 'string', pattern: `^${prefix}${contract.ids.rest}$` };
}

function fieldSchema(contract: V3Contract, field: FieldContract): Schema {
  const base: Schema = (() => {
    switch (field.type) {
      case 'id':
        return idSchema(contract, field.prefix ?? '');
      case 'text':
      case 'phone':
        return { type: 'string' };
      case 'integer':
        return { type: 'integer', minimum: 0 };
      case 'percent':
        return { type: 'number', minimum: 0, maximum: 100 };
      case 'date-time':
        return { type: 'string', format: 'date-time' };
      case 'id-list': {
        const id = idSchema(contract, field.prefix ?? '');
        return { type: 'array', items: field.each === undefined ? id : objectAt(field.each, id, true) };
      }
    }
  })();
  return { ...base, ...(field.nullable ? { nullable: true } : {}), description: field.note };
}

/** `{type: object, properties: {a: {… b: leaf}}}` for the dotted path `a.b`. */
function objectAt(path: string, leaf: Schema, required: boolean): Schema {
  const root: Schema = { type: 'object', properties: {} };
  insert(root, path, leaf, required);
  return root;
}

/** Adds `leaf` at a dotted path inside an object schema, creating nested objects; marks it required. */
function insert(object: Schema, path: string, leaf: Schema, required: boolean): void {
  const [key, ...rest] = path.split('.') as [string, ...string[]];
  const properties = object.properties as Record<string, Schema>;
  if (required) object.required = [...new Set([...((object.required as string[] | undefined) ?? []), key])];
  if (rest.length === 0) {
    properties[key] = leaf;
    return;
  }
  properties[key] ??= { type: 'object', properties: {} };
  insert(properties[key], rest.join('.'), leaf, required);
}

function paramSchema(contract: V3Contract, param: ParamContract): Schema {
  let schema: Schema = { type: 'string' };
  if (param.min !== undefined || param.max !== undefined) schema = { type: 'integer', minimum: param.min, maximum: param.max };
  if (param.prefix !== undefined) schema = idSchema(contract, param.prefix);
  if (param.format !== undefined) schema = { type: 'string', format: param.format };
  const repeated = param.repeated === true;
  return {
    name: param.name,
    in: param.in,
    required: param.in === 'path',
    ...(param.note === undefined ? {} : { description: param.note }),
    schema: repeated ? { type: 'array', items: schema } : schema,
    ...(repeated ? { style: 'form', explode: true } : {}),
  };
}

function bodySchema(contract: V3Contract, endpoint: EndpointContract): Schema {
  const item: Schema = { type: 'object', properties: {} };
  for (const field of Object.values(endpoint.fields)) insert(item, field.path, fieldSchema(contract, field), field.required);
  if (endpoint.list === null) return item;
  const body: Schema = { type: 'object', properties: {} };
  insert(body, endpoint.list.items.path, { type: 'array', items: item }, true);
  insert(body, endpoint.list.nextCursor.path, { type: 'string', nullable: true, description: 'vazio ou null: última página' }, true);
  return body;
}

function errorSchema(contract: V3Contract): Schema {
  const keys = contract.errorEnvelope;
  const error: Schema = {
    type: 'object',
    required: [keys.code, keys.message, keys.requestId],
    properties: {
      [keys.code]: { type: 'string' },
      [keys.message]: { type: 'string' },
      [keys.requestId]: { type: 'string' },
      [keys.details]: { type: 'array', items: { type: 'object' } },
    },
  };
  return { type: 'object', required: [keys.path], properties: { [keys.path]: error } };
}

/** The OpenAPI 3.0 document for every endpoint of the contract, with `serverUrl` as its one server. */
export function openApiDocument(serverUrl: string, contract: V3Contract = V3_CONTRACT): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, endpoint] of Object.entries(contract.endpoints)) {
    const errors = Object.fromEntries(
      Object.entries(ERROR_STATUSES).map(([status, description]) => [
        status,
        { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ]),
    );
    paths[endpoint.path] = {
      ...paths[endpoint.path],
      [endpoint.method.toLowerCase()]: {
        operationId: name,
        parameters: endpoint.params.map((param) => paramSchema(contract, param)),
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: bodySchema(contract, endpoint) } } }, ...errors },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Cademi API v3 (simulador)', version: SIMULATED_CONTRACT_VERSION },
    servers: [{ url: serverUrl }],
    security: [{ credential: [] }],
    components: {
      securitySchemes: { credential: { type: 'http', scheme: 'bearer', description: `${contract.keys.live}… ou ${contract.keys.test}…` } },
      schemas: { Error: errorSchema(contract) },
    },
    paths,
  };
}
