// The WhatsApp link of `Contatos da semana`: built from the phone's digits alone, national numbers
// taken as Brazilian, anything that is not a usable number giving no link at all.

import { internationalDigits, whatsappUrl } from '../../../src/core/report/whatsapp-link';

describe('whatsappUrl', () => {
  it.each<[string, string]>([
    ['+55 11 98765-4321', '5511987654321'],
    ['+55 (21) 3456-7890', '552134567890'],
    ['(11) 98765-4321', '5511987654321'],
    ['11987654321', '5511987654321'],
    ['1134567890', '551134567890'],
    ['011 98765-4321', '5511987654321'],
    ['55 11 98765-4321', '5511987654321'],
    ['+351 912 345 678', '351912345678'],
  ])('links %p to wa.me/%s', (phone, digits) => {
    expect(internationalDigits(phone)).toBe(digits);
    expect(whatsappUrl(phone)).toBe(`https://wa.me/${digits}`);
  });

  it.each<[string, string | null]>([
    ['no phone', null],
    ['blank', '  '],
    ['too short', '98765-4321'],
    ['too long for a national number', '119876543210'],
    ['an international number past E.164', '+1234567890123456'],
    ['a DDD starting with 0 after the trunk prefix', '00987654321'],
    ['only words', 'não tem'],
  ])('gives no link for %s', (_, phone) => {
    expect(whatsappUrl(phone)).toBeNull();
  });

  it('puts nothing but digits in the URL, whatever else the field holds', () => {
    const url = whatsappUrl('+55 11 9<script>8765-4321"onclick=x');
    expect(url).toBe('https://wa.me/5511987654321');
    expect(whatsappUrl('=HYPERLINK("http://evil") 11 98765-4321')).toBe('https://wa.me/5511987654321');
  });
});
