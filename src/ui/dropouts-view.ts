// `Possíveis desistências`: students whose access to a tracked product ended in Cademi, each with
// Confirmar desistência (recorded as of today, with the standard reason).

import {
  accessEnded,
  adjustmentRecorded,
  CHECKING,
  CHECKING_ACCESS_NOTE,
  CONFIRM_DROPOUT,
  confirmDropoutLabel,
  DROPOUT_RECORDED,
  daysWithoutAccess,
  ENDED_ACCESS_REASON,
  NO_POSSIBLE_DROPOUTS,
  possibleDropoutDetail,
  RECORDING,
  studentsWithEndedAccess,
} from '../core/messages/sidebar';
import type { PossibleDropout } from '../core/sidebar/api';
import { describeAdjustment } from './adjustment-text';
import type { SidebarContext } from './context';
import { todayIso } from './dates';
import { button, byId, el, replaceChildren, whileBusy } from './dom';

export function mountPossibleDropouts(context: SidebarContext): void {
  const check = byId<HTMLButtonElement>('dropouts-check');
  const list = byId<HTMLUListElement>('dropout-list');
  const note = byId('dropouts-note');

  function confirmDropout(student: PossibleDropout, entry: HTMLLIElement, control: HTMLButtonElement): void {
    void whileBusy(control, RECORDING, () =>
      context.attempt(async () => {
        const adjustment = await context.call('markDropout', student.studentId, todayIso(), ENDED_ACCESS_REASON);
        control.replaceWith(el('span', { className: 'badge done', text: DROPOUT_RECORDED }));
        entry.classList.add('confirmed');
        context.messages.status(adjustmentRecorded(describeAdjustment(adjustment)));
        await context.refresh();
      }),
    );
  }

  function item(student: PossibleDropout): HTMLLIElement {
    const days = daysWithoutAccess(student.daysWithoutAccess);
    const entry = el(
      'li',
      { className: 'card' },
      el('div', { className: 'card-title' }, el('strong', { text: student.name })),
      el('span', { className: 'hint', text: possibleDropoutDetail(student.email, student.cohort, days) }),
      el('span', { text: accessEnded(student.endedProducts) }),
    );
    const control = button(CONFIRM_DROPOUT, () => confirmDropout(student, entry, control), 'secondary', confirmDropoutLabel(student.name));
    entry.append(el('div', { className: 'actions' }, control));
    return entry;
  }

  check.addEventListener('click', () => {
    note.textContent = CHECKING_ACCESS_NOTE;
    void whileBusy(check, CHECKING, async () => {
      const students = await context.attempt(() => context.call('possibleDropouts'));
      if (students === undefined) {
        note.textContent = '';
        return;
      }
      note.textContent = students.length === 0 ? NO_POSSIBLE_DROPOUTS : studentsWithEndedAccess(students.length);
      replaceChildren(list, ...students.map(item));
    });
  });
}
