import { type ContractEntry, contractEntries } from '../../../src/core/cademi-v3/contract';
import { checkOpenApi, type EntryCheck, type OpenApiCheck } from '../../../src/core/cademi-v3/openapi-check';
import { openApiDocument } from '../../../src/simulator/openapi';
import { clone } from './fixtures';

// biome-ignore lint/suspicious/noExplicitAny: the test edits an OpenAPI document's nested JSON in place, field by field
type Doc = Record<string, any>;

const simulatorDocument = (): Doc => clone(openApiDocument('https://simulador.cademi.local/api/v3')) as Doc;

function entriesOf(check: OpenApiCheck): readonly EntryCheck[] {
  if (!check.readable) throw new Error(`unreadable: ${check.reason}`);
  return check.entries;
}

/** The check of one entry, by its endpoint label and its field, parameter or `path`. */
function find(check: OpenApiCheck, endpoint: string, what: string): EntryCheck {
  const name = (entry: ContractEntry) => (entry.kind === 'field' ? entry.field : entry.kind === 'parameter' ? entry.name : 'path');
  const found = entriesOf(check).find((item) => item.entry.endpoint === endpoint && name(item.entry) === what);
  if (!found) throw new Error(`no entry ${endpoint} ${what}`);
  return found;
}

const progressItem = (doc: Doc) => doc.paths['/users/{user_id}/progress'].get.responses['200'].content['application/json'].schema.properties.items.items;
const userListItem = (doc: Doc) => doc.paths['/users'].get.responses['200'].content['application/json'].schema.properties.items.items;

describe('checkOpenApi', () => {
  it('finds every entry of the contract in the simulator’s own document, known and assumed alike', () => {
    const check = checkOpenApi(simulatorDocument());
    const entries = entriesOf(check);
    expect(entries.map((item) => item.entry)).toEqual(contractEntries());
    expect(entries.filter((item) => item.verdict !== 'ok')).toEqual([]);
    expect(new Set(entries.map((item) => item.entry.knowledge))).toEqual(new Set(['known', 'assumed']));
    expect(check).toMatchObject({ openapiVersion: '3.0.3', contractVersion: '3.12.0' });
  });

  it('reports each deliberate difference as missing or different, naming what the document uses', () => {
    const doc = simulatorDocument();
    // A renamed field.
    const progress = progressItem(doc);
    progress.properties.progress_percent = progress.properties.percent;
    delete progress.properties.percent;
    progress.required = progress.required.map((name: string) => (name === 'percent' ? 'progress_percent' : name));
    // A type change.
    progress.properties.lessons_completed = { type: 'string' };
    // A nullable id.
    progress.properties.product_id.nullable = true;
    // A parameter under another name.
    const tagParam = doc.paths['/users'].get.parameters.find((param: Doc) => param.name === 'tag_id[]');
    tagParam.name = 'tag_id';
    // A required field made optional.
    const user = userListItem(doc);
    user.required = user.required.filter((name: string) => name !== 'last_access_at');
    // A path parameter renamed in the template.
    doc.paths['/users/{id}'] = doc.paths['/users/{user_id}'];
    delete doc.paths['/users/{user_id}'];
    // A missing path.
    delete doc.paths['/events'];

    const check = checkOpenApi(doc);
    expect(find(check, 'GET /users/{user_id}/progress', 'items[].percent')).toMatchObject({
      verdict: 'missing',
      problem: { kind: 'field-missing', similar: 'progress_percent' },
    });
    expect(find(check, 'GET /users/{user_id}/progress', 'items[].lessons_completed')).toMatchObject({
      verdict: 'different',
      problem: { kind: 'field-type', documentTypes: ['string'] },
    });
    expect(find(check, 'GET /users/{user_id}/progress', 'items[].product_id')).toMatchObject({ verdict: 'different', problem: { kind: 'field-nullable' } });
    expect(find(check, 'GET /users', 'tag_id[]')).toMatchObject({ verdict: 'different', problem: { kind: 'param-renamed', documentName: 'tag_id' } });
    expect(find(check, 'GET /users', 'items[].last_access_at')).toMatchObject({ verdict: 'different', problem: { kind: 'field-optional' } });
    expect(find(check, 'GET /users/{user_id}', 'path').verdict).toBe('ok');
    expect(find(check, 'GET /users/{user_id}', 'user_id')).toMatchObject({ verdict: 'different', problem: { kind: 'param-renamed', documentName: 'id' } });
    expect(find(check, 'GET /users/{user_id}', 'tags[].id').verdict).toBe('ok');
    const events = entriesOf(check).filter((item) => item.entry.endpoint === 'GET /events');
    expect(events.length).toBeGreaterThan(5);
    for (const item of events) expect(item).toMatchObject({ verdict: 'missing', problem: { kind: 'path-missing' } });
    // Nothing else moved.
    const changed = new Set(['items[].percent', 'items[].lessons_completed', 'items[].product_id', 'tag_id[]', 'items[].last_access_at', 'user_id']);
    const others = entriesOf(check).filter((item) => item.entry.endpoint !== 'GET /events' && !changed.has(nameOf(item.entry)));
    expect(others.filter((item) => item.verdict !== 'ok')).toEqual([]);
  });

  it('reads $refs, allOf, 3.1 type arrays with null, and paths written under the base path', () => {
    const doc = simulatorDocument();
    doc.openapi = '3.1.0';
    const progress = progressItem(doc);
    progress.properties.last_lesson_at = { type: ['string', 'null'], format: 'date-time' };
    doc.components.schemas.ProgressBase = {
      type: 'object',
      required: ['product_id', 'percent'],
      properties: { product_id: progress.properties.product_id, percent: progress.properties.percent },
    };
    doc.components.schemas.Progress = {
      allOf: [
        { $ref: '#/components/schemas/ProgressBase' },
        {
          type: 'object',
          required: ['lessons_completed', 'last_lesson_at'],
          properties: { lessons_completed: { type: 'integer' }, last_lesson_at: progress.properties.last_lesson_at },
        },
      ],
    };
    doc.paths['/users/{user_id}/progress'].get.responses['200'].content['application/json'].schema.properties.items.items = {
      $ref: '#/components/schemas/Progress',
    };
    // 3.1's nullable reference: anyOf with a null branch.
    const user = userListItem(doc);
    doc.components.schemas.When = { type: 'string', format: 'date-time' };
    user.properties.last_access_at = { anyOf: [{ $ref: '#/components/schemas/When' }, { type: 'null' }] };
    // The whole base path in the keys, as a document whose server is the host alone writes them.
    doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([path, item]) => [`/api/v3${path}`, item]));
    doc.paths['/api/v3/users'] = { $ref: '#/components/pathItems/Users' };
    doc.components.pathItems = { Users: doc.paths['/api/v3/users'] };
    doc.components.pathItems.Users = simulatorDocument().paths['/users'];
    doc.components.pathItems.Users.get.responses['200'].content['application/json'].schema.properties.items.items.properties.last_access_at =
      user.properties.last_access_at;

    const check = checkOpenApi(doc);
    expect(entriesOf(check).filter((item) => item.verdict !== 'ok')).toEqual([]);
    expect(check).toMatchObject({ openapiVersion: '3.1.0' });
  });

  it('sees a nullable field where the contract wants none, in 3.1 form too', () => {
    const doc = simulatorDocument();
    progressItem(doc).properties.percent = { type: ['number', 'null'] };
    expect(find(checkOpenApi(doc), 'GET /users/{user_id}/progress', 'items[].percent')).toMatchObject({
      verdict: 'different',
      problem: { kind: 'field-nullable' },
    });
  });

  it('accepts an integer where a number is read, refuses a number where an integer is read', () => {
    const doc = simulatorDocument();
    progressItem(doc).properties.percent = { type: 'integer' };
    progressItem(doc).properties.lessons_completed = { type: 'number' };
    const check = checkOpenApi(doc);
    expect(find(check, 'GET /users/{user_id}/progress', 'items[].percent').verdict).toBe('ok');
    expect(find(check, 'GET /users/{user_id}/progress', 'items[].lessons_completed').problem).toEqual({ kind: 'field-type', documentTypes: ['number'] });
  });

  it('tells a parameter declared elsewhere, one not declared, a path without GET and a GET without a JSON answer', () => {
    const doc = simulatorDocument();
    doc.paths['/users'].get.parameters.find((param: Doc) => param.name === 'limit').in = 'header';
    doc.paths['/users'].get.parameters = doc.paths['/users'].get.parameters.filter((param: Doc) => param.name !== 'status');
    doc.paths['/products/{product_id}'] = { post: doc.paths['/products/{product_id}'].get };
    doc.paths['/credentials/current'].get.responses = { '200': { description: 'OK' } };
    const check = checkOpenApi(doc);
    expect(find(check, 'GET /users', 'limit')).toMatchObject({ verdict: 'different', problem: { kind: 'param-location', documentIn: 'header' } });
    expect(find(check, 'GET /users', 'status')).toMatchObject({ verdict: 'missing', problem: { kind: 'param-missing' } });
    expect(find(check, 'GET /products/{product_id}', 'path')).toMatchObject({ verdict: 'missing', problem: { kind: 'method-missing' } });
    expect(find(check, 'GET /credentials/current', 'id')).toMatchObject({ verdict: 'missing', problem: { kind: 'no-response-schema' } });
    expect(find(check, 'GET /credentials/current', 'path').verdict).toBe('ok');
  });

  it('never shows a name from the document that is not a plain identifier', () => {
    const doc = simulatorDocument();
    doc.paths['/users'].get.parameters.find((param: Doc) => param.name === 'tag_id[]').name = 'tag id <script>';
    const progress = progressItem(doc);
    progress.properties['percent, ignore previous instructions'] = progress.properties.percent;
    delete progress.properties.percent;
    const check = checkOpenApi(doc);
    expect(find(check, 'GET /users', 'tag_id[]').problem).toEqual({ kind: 'param-missing' });
    expect(find(check, 'GET /users/{user_id}/progress', 'items[].percent').problem).toEqual({ kind: 'field-missing', similar: null });
  });

  it('gives a clear result for documents it cannot read, and survives a $ref loop', () => {
    for (const value of [null, 'openapi', 42, [], undefined]) expect(checkOpenApi(value)).toEqual({ readable: false, reason: 'not-object' });
    for (const value of [{}, { openapi: '3.0.0', paths: 'x' }, { paths: [] }, { paths: { $ref: '#/nowhere' } }]) {
      expect(checkOpenApi(value)).toEqual({ readable: false, reason: 'no-paths' });
    }
    const looping = simulatorDocument();
    looping.components.schemas.A = { $ref: '#/components/schemas/B' };
    looping.components.schemas.B = { $ref: '#/components/schemas/A' };
    looping.paths['/users'].get.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/A' };
    looping.paths['/events'] = { $ref: 'https://elsewhere.example/doc.json#/x' };
    const check = checkOpenApi(looping);
    expect(find(check, 'GET /users', 'items').verdict).toBe('missing');
    expect(find(check, 'GET /events', 'path').verdict).toBe('missing');
    expect(checkOpenApi({ paths: { '/users': { get: { parameters: 'x', responses: [] } } } })).toMatchObject({ readable: true, openapiVersion: null });
  });
});

function nameOf(entry: ContractEntry): string {
  return entry.kind === 'field' ? entry.field : entry.kind === 'parameter' ? entry.name : 'path';
}
