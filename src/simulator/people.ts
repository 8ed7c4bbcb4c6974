// Made-up Brazilian identities for simulated students: names with accents, e-mails, CPFs, phones.

import { hashInt, hashPick, hashUnit } from './random';

const FIRST_NAMES = [
  'João',
  'Conceição',
  'Ângela',
  'Luíza',
  'Ítalo',
  'Ana',
  'Beatriz',
  'Caio',
  'Débora',
  'Élcio',
  'Fábio',
  'Gabriela',
  'Heitor',
  'Inês',
  'Júlia',
  'Lúcia',
  'Márcio',
  'Natália',
  'Otávio',
  'Patrícia',
  'Rafael',
  'Sérgio',
  'Tânia',
  'Vinícius',
  'Wesley',
  'Zélia',
  'André',
  'Cecília',
  'Flávia',
  'Mônica',
  'Antônio',
  'Letícia',
  'Cássio',
  'Lívia',
  'Raíssa',
  'Thiago',
  'Bruna',
  'Renê',
  'Simão',
  'Aurélio',
];

const SURNAMES = [
  'Silva',
  'Conceição',
  'Araújo',
  'Gonçalves',
  'Magalhães',
  'Simões',
  'Pereira',
  'Brandão',
  'Lima',
  'Sebastião',
  'Assunção',
  'Damião',
  'Fagundes',
  'Gusmão',
  'Nóbrega',
  'Oliveira',
  'Ribeiro',
  'Sá',
  'Tavares',
  'Uchôa',
  'Vieira',
  'Xavier',
  'Cunha',
  'Falcão',
  'Quintão',
  'Loureiro',
  'Peçanha',
  'Souza',
];

const MAIL_DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'exemplo.com.br'];

/** Purposes of the hash so each attribute draws independent values. */
const SALT = { first: 11, surname: 12, second: 13, domain: 14, doc: 15, docNull: 16, phone: 17, phoneNull: 18, token: 19 };

/** Names that must survive a trip into a spreadsheet or a web page untouched (and harmlessly). */
export const FORMULA_NAME = '=HYPERLINK("http://x","Clique")';
export const MARKUP_NAME = '<img src=x onerror=alert(1)>';

/** The personal data of one simulated student. */
export interface Identity {
  readonly nome: string;
  readonly email: string;
  readonly doc: string | null;
  readonly celular: string | null;
  readonly loginToken: string;
}

function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function cpfCheckDigit(digits: number[]): number {
  let sum = 0;
  for (const [i, digit] of digits.entries()) sum += digit * (digits.length + 1 - i);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

/** A CPF with valid check digits, formatted 123.456.789-09. */
function fakeCpf(seed: number, studentId: number): string {
  const digits: number[] = [];
  for (let i = 0; i < 9; i++) digits.push(hashInt(seed, 0, 9, SALT.doc, studentId, i));
  digits.push(cpfCheckDigit(digits));
  digits.push(cpfCheckDigit(digits));
  const text = digits.join('');
  return `${text.slice(0, 3)}.${text.slice(3, 6)}.${text.slice(6, 9)}-${text.slice(9)}`;
}

function fakePhone(seed: number, studentId: number): string {
  const area = hashPick(seed, [11, 21, 31, 41, 48, 51, 61, 71, 81, 85], SALT.phone, studentId, 0);
  const first = hashInt(seed, 1000, 9999, SALT.phone, studentId, 1);
  const second = hashInt(seed, 1000, 9999, SALT.phone, studentId, 2);
  return `+55 ${area} 9${first}-${second}`;
}

/**
 * The identity of a student. `specialName` replaces the generated name (the formula and markup
 * students); their e-mail stays an ordinary address.
 */
export function identityOf(seed: number, studentId: number, specialName?: string): Identity {
  const first = hashPick(seed, FIRST_NAMES, SALT.first, studentId);
  const surname = hashPick(seed, SURNAMES, SALT.surname, studentId);
  const secondSurname = hashUnit(seed, SALT.second, studentId) < 0.4 ? hashPick(seed, SURNAMES, SALT.second, studentId, 1) : null;
  const generatedName = secondSurname && secondSurname !== surname ? `${first} ${secondSurname} ${surname}` : `${first} ${surname}`;
  const mailUser = withoutAccents(`${first}.${surname}`)
    .toLowerCase()
    .replace(/[^a-z.]/g, '');
  const email = `${mailUser}${studentId}@${hashPick(seed, MAIL_DOMAINS, SALT.domain, studentId)}`;
  const loginToken = Math.floor(hashUnit(seed, SALT.token, studentId) * 0xffffffff)
    .toString(16)
    .padStart(8, '0');
  return {
    nome: specialName ?? generatedName,
    email,
    doc: hashUnit(seed, SALT.docNull, studentId) < 0.2 ? null : fakeCpf(seed, studentId),
    celular: hashUnit(seed, SALT.phoneNull, studentId) < 0.25 ? null : fakePhone(seed, studentId),
    loginToken,
  };
}
