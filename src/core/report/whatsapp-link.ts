// The WhatsApp link of a student's phone, built only from its digits: whatever else Cademi's `celular`
// holds (spaces, brackets, a name, a script) never reaches the URL.

/** Brazil's country code, added to a national number (DDD + number). */
const BRAZIL = '55';

/**
 * The phone in international form, digits only ("5511987654321"), or null when it is no usable
 * number. `+…` is already international (8 to 15 digits, E.164's limit); otherwise a national
 * number (10 digits for a landline, 11 for a mobile, after an optional trunk `0`) gets 55, and 12 or
 * 13 digits that start with 55 are taken as already international.
 */
export function internationalDigits(phone: string | null): string | null {
  if (phone === null) return null;
  const text = phone.trim();
  let digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) return digits.length >= 8 && digits.length <= 15 ? digits : null;
  if (digits.startsWith('0')) digits = digits.slice(1);
  if ((digits.length === 10 || digits.length === 11) && !digits.startsWith('0')) return BRAZIL + digits;
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith(BRAZIL)) return digits;
  return null;
}

/** `https://wa.me/<digits>`, or null: WhatsApp's click-to-chat link takes the full international number, digits only. */
export function whatsappUrl(phone: string | null): string | null {
  const digits = internationalDigits(phone);
  return digits === null ? null : `https://wa.me/${digits}`;
}
