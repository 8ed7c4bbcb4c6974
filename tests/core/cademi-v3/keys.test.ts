import { isV3Id, v3Id } from '../../../src/core/cademi-v3/ids';
import { isV3BaseUrl, isV3Key, v3KeyMode } from '../../../src/core/cademi-v3/keys';

describe('v3 keys and addresses', () => {
  it('tells a live or test key from anything else', () => {
    expect(v3KeyMode('ck_live_abc123')).toBe('live');
    expect(v3KeyMode(' ck_test_abc123 ')).toBe('test');
    for (const token of ['ck_live_', 'ck_test_', 'sk-secret-token', 'CK_LIVE_abc', 'xck_live_abc', '', 'ck_prod_abc']) {
      expect(v3KeyMode(token)).toBeNull();
      expect(isV3Key(token)).toBe(false);
    }
    expect(isV3Key('ck_live_x')).toBe(true);
  });

  it('tells a v3 API address', () => {
    expect(isV3BaseUrl('https://api.cademi.com.br/api/v3')).toBe(true);
    expect(isV3BaseUrl('https://escola.exemplo.com/API/V3/ ')).toBe(true);
    expect(isV3BaseUrl('https://escola.cademi.com.br/api/v1')).toBe(false);
    expect(isV3BaseUrl('https://escola.cademi.com.br/api/v3x')).toBe(false);
    expect(isV3BaseUrl('https://escola.cademi.com.br/api/v1?next=/api/v3')).toBe(false);
  });
});

describe('v3 ids', () => {
  it('need their type prefix and unreserved characters only', () => {
    expect(isV3Id('usr_01HQ7X', 'usr_')).toBe(true);
    expect(isV3Id('usr_a-b_c.d~e', 'usr_')).toBe(true);
    for (const value of ['usr_', 'prd_1', 'usr_a/b', 'usr_a b', 'usr_é', 'usr_%41', 42, null, undefined]) expect(isV3Id(value, 'usr_')).toBe(false);
  });

  it('are trimmed when read, and refused with a message that names what and the prefix', () => {
    expect(v3Id('  tag_101 ', 'tag_', 'ID da tag')).toBe('tag_101');
    expect(() => v3Id(101, 'tag_', 'ID da tag')).toThrow('ID da tag inválido para a API v3 da Cademi: precisa começar com tag_');
  });
});
