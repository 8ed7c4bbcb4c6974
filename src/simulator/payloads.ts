// The JSON objects the simulated API returns (usuario, progresso, acesso, produto), at an instant.

import type { Product } from './catalog';
import type { Student } from './roster';
import type { School } from './school';

/** Formats an instant the way this student's answers do (both Cademi formats occur). */
function dateFor(school: School, student: Student, epochMs: number): string {
  return student.datesWithOffset ? school.calendar.formatWithOffset(epochMs) : school.calendar.formatPlain(epochMs);
}

/** `usuario` as of t. */
export function userPayload(school: School, student: Student, t: number): object {
  const lastAccess = school.lastAccessAt(student.id, t);
  return {
    id: student.id,
    nome: student.nome,
    email: student.email,
    doc: student.doc,
    celular: student.celular,
    login_auto: student.loginAutoUrl,
    gratis: student.gratis,
    criado_em: dateFor(school, student, student.createdAt),
    ultimo_acesso_em: lastAccess === null ? null : dateFor(school, student, lastAccess),
  };
}

/** "41.7%" (or "41,7%" for some students): completed ÷ lessons, one decimal. */
export function percentText(completed: number, totalLessons: number, withComma: boolean): string {
  const text = `${totalLessons === 0 ? '0.0' : ((completed / totalLessons) * 100).toFixed(1)}%`;
  return withComma ? text.replace('.', ',') : text;
}

/** `progresso` of one product as of t (the caller has checked access). */
export function progressPayload(school: School, student: Student, product: Product, t: number): object {
  const summary = school.progressAt(student.id, product.id, t);
  const visits = school.lessonVisitsAt(student.id, product.id, t);
  return {
    total: percentText(summary?.completed ?? 0, product.lessons.length, student.percentWithComma),
    assistidas: summary?.opened ?? 0,
    completas: summary?.completed ?? 0,
    aulas: visits.map((visit) => ({
      item_id: visit.lesson.id,
      count: visit.count,
      acesso_em: dateFor(school, student, visit.lastAccessAt),
      aula: { id: visit.lesson.id, ordem: visit.lesson.ordem, nome: visit.lesson.nome },
    })),
  };
}

/** `produto` as listed: `{id, ordem, nome}`. */
export function productPayload(product: Product): object {
  return { id: product.id, ordem: product.ordem, nome: product.nome };
}

/** `produto` with its storefront block, as `GET /produto/{id}` returns it. */
export function productDetailPayload(product: Product): object {
  return { ...productPayload(product), vitrine: { id: 1, nome: product.studied ? 'Cursos' : 'Aulas ao vivo', ordem: product.studied ? 1 : 2 } };
}

/** `acesso[]` as of t. */
export function accessPayload(school: School, student: Student, t: number): object[] {
  return school.accessesAt(student.id, t).map((access) => ({
    produto: { ...productPayload(access.product), oferta_url: `https://escola-simulada.cademi.com.br/oferta/${access.product.id}` },
    duracao: access.durationMonths,
    duracao_tipo: access.durationType,
    comecou_em: dateFor(school, student, access.startedAt),
    encerra_em: access.endsAt === null ? null : dateFor(school, student, access.endsAt),
    encerrado: access.ended,
  }));
}
