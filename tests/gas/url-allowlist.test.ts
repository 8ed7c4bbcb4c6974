// Apps Script's allowlist matching (https://developers.google.com/apps-script/manifest/allowlist-url),
// as the code checks it before fetching and as the fake UrlFetchApp enforces it.

import { invalidPrefixReason, isUrlAllowed, matchesPrefix, originOf } from '../../src/gas/url-allowlist';

describe('urlFetchWhitelist matching', () => {
  it('matches a path prefix and its children, not a longer name', () => {
    for (const url of [
      'https://example.com/foo',
      'https://example.com/foo/',
      'https://example.com/foo/bar',
      'https://example.com/foo?bar',
      'https://example.com/foo#bar',
    ]) {
      expect(matchesPrefix(url, 'https://example.com/foo')).toBe(true);
    }
    expect(matchesPrefix('https://example.com/foobar', 'https://example.com/foo')).toBe(false);
    expect(matchesPrefix('https://example.com/Foo', 'https://example.com/foo')).toBe(false);
  });

  it('matches subdomains with *., never the bare domain, another domain or plain http', () => {
    expect(matchesPrefix('https://escola.cademi.com.br/api/v1/tag', 'https://*.cademi.com.br/')).toBe(true);
    expect(matchesPrefix('https://a.b.cademi.com.br/x', 'https://*.cademi.com.br/')).toBe(true);
    expect(matchesPrefix('https://ESCOLA.Cademi.com.br/x', 'https://*.cademi.com.br/')).toBe(true);
    expect(matchesPrefix('https://cademi.com.br/x', 'https://*.cademi.com.br/')).toBe(false);
    expect(matchesPrefix('https://evilcademi.com.br/x', 'https://*.cademi.com.br/')).toBe(false);
    expect(matchesPrefix('https://escola.cademi.com.br.evil.com/x', 'https://*.cademi.com.br/')).toBe(false);
    expect(matchesPrefix('http://escola.cademi.com.br/x', 'https://*.cademi.com.br/')).toBe(false);
  });

  it('allows the product hosts by default', () => {
    expect(isUrlAllowed('https://hooks.slack.com/services/T0/B0/x')).toBe(true);
    expect(isUrlAllowed('https://escola.cademi.com.br/api/v1')).toBe(true);
    expect(isUrlAllowed('https://example.com/')).toBe(false);
  });

  it('says what is wrong with a prefix the manifest would refuse, and shows only origins', () => {
    expect(invalidPrefixReason('https://api.escola.com.br/')).toBeNull();
    expect(invalidPrefixReason('https://*.escola.com.br/')).toBeNull();
    expect(invalidPrefixReason('https://api.escola.com.br')).toMatch(/caminho/);
    expect(invalidPrefixReason('http://api.escola.com.br/')).toMatch(/https/);
    expect(invalidPrefixReason('https://localhost/')).toMatch(/domínio completo/);
    expect(originOf('https://Escola.cademi.com.br/api/v1?token=segredo')).toBe('https://escola.cademi.com.br');
  });
});
