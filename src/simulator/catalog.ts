// The simulated school's catalogue: products with their lessons, cohort tags and other tags.

import { addDays, type LocalDate, mondayOf } from '../core/time/local-date';

/** One lesson (`aula`) of a product. */
export interface Lesson {
  readonly id: number;
  /** 1-based position inside the product. */
  readonly ordem: number;
  readonly nome: string;
}

/** A product (course) of the school. */
export interface Product {
  readonly id: number;
  readonly ordem: number;
  readonly nome: string;
  readonly lessons: readonly Lesson[];
  /** True for the products students study (cohorts track them); false for catalogue extras. */
  readonly studied: boolean;
}

/** A tag (`{id, nome}` in the API). */
export interface Tag {
  readonly id: number;
  readonly nome: string;
}

/** A monthly cohort: a tag, a start date and the products it follows. */
export interface Cohort {
  readonly tagId: number;
  readonly name: string;
  /** The first Monday of the cohort's month, São Paulo date. */
  readonly start: LocalDate;
  readonly productIds: number[];
}

/** Cohort `index` of the school: a student's cohort (and the next one, for a switcher) always exists. */
export function cohortAt(cohorts: readonly Cohort[], index: number): Cohort {
  const cohort = cohorts[index];
  if (!cohort) throw new Error(`Cohort ${index} is outside the school's ${cohorts.length} cohorts`);
  return cohort;
}

/** The products every cohort studies, in `ordem`. */
export const TRACKED_PRODUCT_IDS = [11, 12, 13];
/** The bonus product some students also have (not tracked by cohorts). */
export const BONUS_PRODUCT_ID = 14;
/** Non-cohort tags. */
export const VIP_TAG: Tag = { id: 90, nome: 'Alunos VIP' };
export const WAITING_LIST_TAG: Tag = { id: 91, nome: 'Lista de espera' };

const LESSON_TOPICS = [
  'Boas-vindas',
  'Primeiros passos',
  'Conceitos básicos',
  'Exercícios',
  'Estudo de caso',
  'Revisão',
  'Dúvidas frequentes',
  'Aprofundamento',
  'Atividade prática',
  'Leitura complementar',
];

function lessonsOf(productId: number, count: number): Lesson[] {
  const lessons: Lesson[] = [];
  for (let ordem = 1; ordem <= count; ordem++) {
    const topic = LESSON_TOPICS[(ordem - 1) % LESSON_TOPICS.length];
    lessons.push({ id: productId * 1000 + ordem, ordem, nome: `Aula ${ordem}: ${topic}` });
  }
  return lessons;
}

function product(id: number, ordem: number, nome: string, lessonCount: number, studied: boolean): Product {
  return { id, ordem, nome, lessons: lessonsOf(id, lessonCount), studied };
}

/**
 * All products, in `ordem`. Twelve recorded live classes pad the catalogue to 16 products so
 * that `GET /produto` (15 per page) needs two pages.
 */
export function buildProducts(): Product[] {
  const products = [
    product(11, 1, 'Fundamentos', 24, true),
    product(12, 2, 'Prática Guiada', 30, true),
    product(13, 3, 'Projeto Final', 18, true),
    product(14, 4, 'Bônus: Comunidade', 10, true),
  ];
  for (let month = 1; month <= 12; month++) {
    products.push(product(200 + month, 4 + month, `Aula ao vivo 2026-${String(month).padStart(2, '0')}`, 1, false));
  }
  return products;
}

/** The first Monday of a month given as 'YYYY-MM'. */
function firstMondayOf(yearMonth: string): LocalDate {
  // The Monday on or before the 7th is the first Monday of the month.
  return mondayOf(addDays(`${yearMonth}-01`, 6));
}

const COHORT_MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

/** Share of the students enrolled in each cohort; the third must exceed 150 students at 480. */
export const COHORT_SHARES = [0.17, 0.19, 0.36, 0.16, 0.12];

/** The five monthly cohorts, tags 101..105 "Turma 2026-07".."Turma 2026-11". */
export function buildCohorts(): Cohort[] {
  return COHORT_MONTHS.map((month, index) => ({
    tagId: 101 + index,
    name: `Turma ${month}`,
    start: firstMondayOf(month),
    productIds: TRACKED_PRODUCT_IDS.slice(),
  }));
}

/** A cohort tag that was created and then cancelled: it exists but nobody carries it. */
export const EMPTY_TAG: Tag = { id: 100, nome: 'Turma 2026-06 (cancelada)' };

/** Every tag the school has, by id: the other tags, an empty old cohort tag, then the cohorts'. */
export function buildTags(cohorts: readonly Cohort[]): Tag[] {
  const cohortTags = cohorts.map((cohort) => ({ id: cohort.tagId, nome: cohort.name }));
  return [VIP_TAG, WAITING_LIST_TAG, EMPTY_TAG, ...cohortTags].sort((a, b) => a.id - b.id);
}
