/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// `Possíveis desistências`: students whose access to a tracked product ended in Cademi, each with
// Confirmar desistência (recorded as of today, with the standard reason).

import type { PossibleDropout } from '../core/sidebar/api';
import { describeAdjustment } from './adjustment-text';
import type { SidebarContext } from './context';
import { todayIso } from './dates';
import { button, byId, el, replaceChildren, whileBusy } from './dom';

export const ENDED_ACCESS_REASON = 'Acesso encerrado na Cademi';

export function mountPossibleDropouts(context: SidebarContext): void {
  const check = byId<HTMLButtonElement>('dropouts-check');
  const list = byId<HTMLUListElement>('dropout-list');
  const note = byId('dropouts-note');

  function confirmDropout(student: PossibleDropout, entry: HTMLLIElement, control: HTMLButtonElement): void {
    void whileBusy(control, 'Registrando…', () =>
      context.attempt(async () => {
        const adjustment = await context.call('markDropout', student.studentId, todayIso(), ENDED_ACCESS_REASON);
        control.replaceWith(el('span', { className: 'badge done', text: 'Desistência registrada' }));
        entry.classList.add('confirmed');
        context.messages.status(`Ajuste registrado: ${describeAdjustment(adjustment)}`);
        await context.refresh();
      }),
    );
  }

  function item(student: PossibleDropout): HTMLLIElement {
    const days = student.daysWithoutAccess === null ? 'sem acesso registrado' : `${student.daysWithoutAccess} dia(s) sem acessar`;
    const entry = el(
      'li',
      { className: 'card' },
      el('div', { className: 'card-title' }, el('strong', { text: student.name })),
      el('span', { className: 'hint', text: `${student.email} · ${student.cohort} · ${days}` }),
      el('span', { text: `Acesso encerrado: ${student.endedProducts.join(', ') || '—'}` }),
    );
    const control = button('Confirmar desistência', () => confirmDropout(student, entry, control), 'secondary', `Confirmar desistência de ${student.name}`);
    entry.append(el('div', { className: 'actions' }, control));
    return entry;
  }

  check.addEventListener('click', () => {
    note.textContent = 'Consultando a Cademi… pode levar alguns instantes.';
    void whileBusy(check, 'Consultando…', async () => {
      const students = await context.attempt(() => context.call('possibleDropouts'));
      if (students === undefined) {
        note.textContent = '';
        return;
      }
      note.textContent = students.length === 0 ? 'Nenhuma possível desistência encontrada.' : `${students.length} aluno(s) com acesso encerrado.`;
      replaceChildren(list, ...students.map(item));
    });
  });
}
