import {
  CademiAuthError,
  CademiBusinessRuleError,
  CademiError,
  CademiHttpError,
  CademiNotFoundError,
  CademiRateLimitError,
  CademiServerError,
  CademiShapeError,
  CademiTransportError,
  isRetryable,
} from '../../../src/core/cademi/errors';
import { ENDPOINTS } from '../../../src/core/cademi/requests';
import {
  checkResponse,
  parseAccess,
  parseProduct,
  parseProductsPage,
  parseProgress,
  parseStudent,
  parseTagStudentsPage,
  parseTags,
  retryAfterMs,
} from '../../../src/core/cademi/responses';
import type { HttpResponse, TransportFailure } from '../../../src/core/http';
import { clone, errorBody, LOGIN_AUTO, profiler, progressBody, respond, TOKEN, tagStudentsBody, tagsBody } from './fixtures';

const ok = (data: unknown): HttpResponse => respond(200, { success: true, code: 200, data, profiler });

/** Runs `fn` and returns what it threw (failing the test if it did not throw). */
function thrown(fn: () => unknown): CademiError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CademiError);
    const cademiError = error as CademiError;
    expect(cademiError.message).not.toContain(TOKEN);
    expect(cademiError.message).not.toContain('Token inválido'); // the envelope's msg never reaches a message
    return cademiError;
  }
  throw new Error('expected a CademiError');
}

describe('docs sample payloads', () => {
  it('parse a tag page of students', () => {
    const page = parseTagStudentsPage(respond(200, tagStudentsBody()));
    expect(page.nextPageUrl).toBeNull();
    expect(page.items).toEqual([
      { id: 1051, name: 'Joana C', email: 'joana@example.com', phone: null, createdAt: Date.UTC(2020, 0, 12, 22, 59, 20), lastAccessAt: null },
      {
        id: 1060,
        name: 'Gilson D',
        email: 'gilson@example.com',
        phone: null,
        createdAt: Date.UTC(2020, 0, 20, 18, 22, 56),
        lastAccessAt: Date.UTC(2020, 0, 20, 18, 34, 57),
      },
    ]);
  });

  it('never return login_auto (nor doc)', () => {
    const page = parseTagStudentsPage(respond(200, tagStudentsBody()));
    const text = JSON.stringify(page);
    expect(text).not.toContain('login_auto');
    expect(text).not.toContain(LOGIN_AUTO);
    expect(text).not.toContain('crstk');
    const student = parseStudent(ok({ usuario: (tagStudentsBody() as { data: { usuario: unknown[] } }).data.usuario[0] }));
    expect(Object.keys(student).sort()).toEqual(['createdAt', 'email', 'id', 'lastAccessAt', 'name', 'phone']);
    expect(JSON.stringify(student)).not.toContain('crstk');
    expect(text).not.toContain('123.123.123-12');
  });

  it('read celular as Cademi holds it, trimmed; absent, blank, odd or absurd values read as no phone', () => {
    const usuario = (celular: unknown) =>
      parseStudent(ok({ usuario: { id: 1, nome: 'A', email: 'a@x', celular, criado_em: null, ultimo_acesso_em: null } })).phone;
    expect(usuario(' +55 (11) 98765-4321 ')).toBe('+55 (11) 98765-4321');
    expect(usuario(11987654321)).toBe('11987654321');
    expect(usuario(null)).toBeNull();
    expect(usuario(undefined)).toBeNull();
    expect(usuario('   ')).toBeNull();
    expect(usuario({ ddd: 11 })).toBeNull();
    expect(usuario(1.5)).toBeNull();
    expect(usuario('9'.repeat(41))).toBeNull();
    expect(parseStudent(ok({ usuario: { id: 1, nome: 'A', email: 'a@x' } })).phone).toBeNull();
  });

  it('parse a progress answer; lastActivityAt is the latest acesso_em', () => {
    expect(parseProgress(respond(200, progressBody))).toEqual({
      percent: 41.7,
      lessonsOpened: 7,
      lessonsCompleted: 5,
      lastActivityAt: Date.UTC(2020, 8, 11, 13, 59, 15),
    });
  });

  it('parse progress without lessons', () => {
    const body = clone(progressBody);
    body.data.progresso.aulas = [];
    body.data.progresso.total = '0%';
    expect(parseProgress(respond(200, body))).toMatchObject({ percent: 0, lastActivityAt: null });
  });

  it.each<[unknown, number]>([
    ['41.7%', 41.7],
    ['41,7%', 41.7],
    ['0%', 0],
    ['100%', 100],
    [' 41.7 % ', 41.7],
    [41.7, 41.7],
    [100, 100],
  ])('read total %p', (total, percent) => {
    const body = clone(progressBody) as { data: { progresso: { total: unknown } } };
    body.data.progresso.total = total;
    expect(parseProgress(respond(200, body)).percent).toBeCloseTo(percent, 10);
  });

  it('parse tags', () => {
    expect(parseTags(respond(200, tagsBody))).toEqual([
      { id: 69, name: 'Turma Padrão' },
      { id: 272, name: 'Turma 2' },
    ]);
  });

  it('parse products pages and one product', () => {
    const next = 'https://escola.cademi.com.br/api/v1/produto?cursor=abc';
    const page = parseProductsPage(
      ok({
        produto: [
          { id: 2404, ordem: 1, nome: 'Curso A' },
          { id: '2405', ordem: null, nome: 'Curso B' },
        ],
        paginator: { perPage: 15, next_page_url: next, prev_page_url: null },
      }),
    );
    expect(page).toEqual({
      items: [
        { id: 2404, order: 1, name: 'Curso A' },
        { id: 2405, order: null, name: 'Curso B' },
      ],
      nextPageUrl: next,
    });
    expect(parseProduct(ok({ produto: { id: 2404, ordem: '3', nome: 'Curso A', vitrine: { id: 1 } } }))).toEqual({
      id: 2404,
      order: 3,
      name: 'Curso A',
    });
  });

  it('parse accesses with both date formats', () => {
    const result = parseAccess(
      ok({
        usuario: { id: '1051', nome: 'Joana C', email: 'joana@example.com', login_auto: LOGIN_AUTO, criado_em: '2022-01-12T15:50:47-03:00' },
        acesso: [
          {
            produto: { id: 2404, ordem: 1, nome: 'Curso A', oferta_url: 'https://x' },
            duracao: null,
            duracao_tipo: 'vitalicio',
            comecou_em: '2020-01-12 19:59:20',
            encerra_em: null,
            encerrado: false,
          },
          {
            produto: { id: 2405, ordem: 2, nome: 'Curso B' },
            duracao: '12',
            duracao_tipo: 'months',
            comecou_em: '2022-01-12T15:50:47Z',
            encerra_em: '2023-01-12',
            encerrado: 1,
          },
        ],
      }),
    );
    expect(result.student).toEqual({
      id: 1051,
      name: 'Joana C',
      email: 'joana@example.com',
      phone: null,
      createdAt: Date.UTC(2022, 0, 12, 18, 50, 47),
      lastAccessAt: null,
    });
    expect(result.accesses).toEqual([
      {
        product: { id: 2404, order: 1, name: 'Curso A' },
        duration: null,
        durationType: 'vitalicio',
        startedAt: Date.UTC(2020, 0, 12, 22, 59, 20),
        endsAt: null,
        ended: false,
      },
      {
        product: { id: 2405, order: 2, name: 'Curso B' },
        duration: 12,
        durationType: 'months',
        startedAt: Date.UTC(2022, 0, 12, 15, 50, 47),
        endsAt: Date.UTC(2023, 0, 12, 3),
        ended: true,
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('crstk');
  });

  it('coerce numeric-string ids and accept a missing paginator and empty next_page_url', () => {
    const body = clone(tagStudentsBody()) as { data: { usuario: Array<Record<string, unknown>>; paginator?: unknown } };
    body.data.usuario[0].id = '1051';
    delete body.data.paginator;
    expect(parseTagStudentsPage(respond(200, body))).toMatchObject({ nextPageUrl: null, items: [{ id: 1051 }, { id: 1060 }] });
    expect(parseTagStudentsPage(respond(200, tagStudentsBody(''))).nextPageUrl).toBeNull();
  });
});

describe('checkResponse → typed errors', () => {
  const endpoint = ENDPOINTS.tagStudents;

  it.each<[number, new (...args: never[]) => CademiError, boolean]>([
    [403, CademiAuthError, false],
    [405, CademiAuthError, false],
    [404, CademiNotFoundError, false],
    [409, CademiBusinessRuleError, false],
    [500, CademiServerError, true],
    [503, CademiServerError, true],
    [418, CademiHttpError, false],
  ])('HTTP %p → %p', (status, errorClass, retryable) => {
    const error = thrown(() => parseTagStudentsPage(respond(status, errorBody(status)), endpoint));
    expect(error).toBeInstanceOf(errorClass);
    expect(error.status).toBe(status);
    expect(error.endpoint).toBe(endpoint);
    // The body's `msg` is never kept: it can echo the request, the token included.
    expect(JSON.stringify(error)).not.toContain('Token inválido');
    expect(error.message).not.toContain('Token inválido');
    expect(error.envelopeCode).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(isRetryable(error)).toBe(retryable);
    expect(error.message).toContain(endpoint);
  });

  it('says an auth failure needs a new token', () => {
    const error = thrown(() => checkResponse(respond(405, errorBody(405)), endpoint));
    expect(error.message).toMatch(/ausente, expirou ou foi revogado/);
    expect(error.message).toMatch(/nova chave/);
    expect(error.name).toBe('CademiAuthError');
  });

  it('keeps the status when the error body is not JSON', () => {
    const error = thrown(() => checkResponse(respond(502, '<html>Bad gateway</html>'), endpoint));
    expect(error).toBeInstanceOf(CademiServerError);
    expect(error.envelopeCode).toBeUndefined();
    expect(error.message).not.toMatch(/Bad gateway|html/);
  });

  it('a redirect names the base URL setting and only the origin it points to', () => {
    const error = thrown(() => checkResponse({ status: 301, headers: { location: 'https://outro.example.com/login?token=abc' }, body: '' }, endpoint));
    expect(error.name).toBe('CademiRedirectError');
    expect(error.message).toMatch(/URL da API/);
    expect(error.message).toContain('https://outro.example.com');
    expect(error.message).not.toMatch(/login|token=abc/);
  });

  it('429 reads Retry-After in seconds, as an HTTP-date, or defaults to 1000 ms', () => {
    const seconds = thrown(() => checkResponse(respond(429, errorBody(429, 'Muitas requisições'), { 'retry-after': '3' }), endpoint));
    expect(seconds).toBeInstanceOf(CademiRateLimitError);
    expect((seconds as CademiRateLimitError).retryAfterMs).toBe(3000);
    expect(seconds.retryable).toBe(true);

    const now = Date.UTC(2024, 0, 1, 12, 0, 0);
    const dated = thrown(() => checkResponse(respond(429, '', { 'Retry-After': 'Mon, 01 Jan 2024 12:00:05 GMT' }), endpoint, now));
    expect((dated as CademiRateLimitError).retryAfterMs).toBe(5000);

    const none = thrown(() => checkResponse(respond(429, ''), endpoint));
    expect((none as CademiRateLimitError).retryAfterMs).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
    expect(retryAfterMs('Mon, 01 Jan 2024 11:00:00 GMT', now)).toBe(0);
  });

  it('status 0 → CademiTransportError', () => {
    const failure: TransportFailure = { status: 0, headers: {}, body: '', transportError: 'ETIMEDOUT' };
    const error = thrown(() => parseTags(failure));
    expect(error).toBeInstanceOf(CademiTransportError);
    expect(error.retryable).toBe(true);
    expect(error.endpoint).toBe(ENDPOINTS.tags);
    expect(error.message).toContain('tempo esgotado');
  });

  it('invalid JSON in a 200 → CademiShapeError', () => {
    const error = thrown(() => parseTags(respond(200, '<!doctype html><p>login</p>')));
    expect(error).toBeInstanceOf(CademiShapeError);
    expect(error.message).toContain(ENDPOINTS.tags);
    expect(error.message).toMatch(/não é JSON/);
    expect(error.message).not.toContain('doctype');
  });

  it('success:false with 200 → CademiHttpError without the msg', () => {
    const error = thrown(() => parseTags(respond(200, errorBody(200, 'Erro qualquer'))));
    expect(error).toBeInstanceOf(CademiHttpError);
    expect(error.message).not.toContain('Erro qualquer');
    expect(error.retryable).toBe(false);
    expect(thrown(() => parseTags(respond(200, { success: false })))).toBeInstanceOf(CademiHttpError);
  });

  it('success:false with 200 but an error code in the envelope → the typed error of that code', () => {
    const error = thrown(() => parseTags(respond(200, errorBody(405))));
    expect(error).toBeInstanceOf(CademiAuthError);
    expect(error.status).toBe(405);
  });

  it('isRetryable is false for anything that is not a Cademi error', () => {
    expect(isRetryable(new Error('boom'))).toBe(false);
    expect(isRetryable('text')).toBe(false);
    expect(isRetryable(undefined)).toBe(false);
  });
});

describe('shape errors name the endpoint and the field', () => {
  it('a string id that is not digits', () => {
    const body = clone(tagStudentsBody()) as { data: { usuario: Array<Record<string, unknown>> } };
    body.data.usuario.push({ ...body.data.usuario[0] }, { ...body.data.usuario[0], id: 'abc' });
    const error = thrown(() => parseTagStudentsPage(respond(200, body)));
    expect(error).toBeInstanceOf(CademiShapeError);
    expect(error.message).toContain(`${ENDPOINTS.tagStudents} num formato inesperado (campo data.usuario[3].id: esperava number, veio string)`);
    expect((error as CademiShapeError).field).toBe('data.usuario[3].id');
    expect(error.message).not.toContain('abc');
  });

  it('a renamed list field fails instead of reading as an empty cohort', () => {
    const body = clone(tagStudentsBody()) as { data: Record<string, unknown> };
    body.data.usuarios = body.data.usuario;
    delete body.data.usuario;
    const error = thrown(() => parseTagStudentsPage(respond(200, body)));
    expect(error.message).toContain('data.usuario: esperava array, veio nada (ausente)');
  });

  it('a bad date names its field and never echoes values', () => {
    const body = clone(tagStudentsBody()) as { data: { usuario: Array<Record<string, unknown>> } };
    body.data.usuario[1].ultimo_acesso_em = '20/01/2020';
    const error = thrown(() => parseTagStudentsPage(respond(200, body)));
    expect(error).toBeInstanceOf(CademiShapeError);
    expect(error.message).toContain('data.usuario[1].ultimo_acesso_em: não é uma data');
    expect(error.message).not.toContain('20/01/2020');
    expect(error.message).not.toContain('crstk');
  });

  it('a bad percent names its field', () => {
    const body = clone(progressBody) as { data: { progresso: Record<string, unknown> } };
    body.data.progresso.total = '141%';
    const error = thrown(() => parseProgress(respond(200, body), 'GET /usuario/progresso_por_produto/1051/2404'));
    expect(error.message).toContain('GET /usuario/progresso_por_produto/1051/2404');
    expect(error.message).toContain('data.progresso.total: o percentual 141 está fora de 0–100');
  });

  it('a missing data object', () => {
    const error = thrown(() => parseStudent(respond(200, { success: true, code: 200 })));
    expect(error.message).toContain(`${ENDPOINTS.student} num formato inesperado (campo data: esperava object, veio nada (ausente))`);
  });

  it('a JSON body that is not an object', () => {
    const error = thrown(() => parseTags(respond(200, [1, 2])));
    expect(error).toBeInstanceOf(CademiShapeError);
    expect(error.message).toMatch(/esperava um objeto JSON, veio array/);
  });
});
