// `Mover aluno` and `Marcar desistência`: a debounced search over name or e-mail, then one of the
// two actions for the selected student; the resulting adjustment is shown and the state refreshed.

import {
  adjustmentReason,
  adjustmentRecorded,
  CHOOSE_COHORT,
  DROPOUT_RECORDED,
  NO_STUDENTS_FOUND,
  SEARCHING,
  STUDENT_MOVED,
  studentDetail,
  studentSelected,
  studentsFound,
  TARGET_COHORT_REQUIRED,
  typeAtLeast,
} from '../core/messages/sidebar';
import type { AdjustmentView, StudentMatch } from '../core/sidebar/api';
import { describeAdjustment } from './adjustment-text';
import type { SidebarContext } from './context';
import { DateField, showFieldError, todayIso } from './dates';
import { byId, el, replaceChildren } from './dom';

const SEARCH_DELAY_MS = 300;
const MIN_QUERY_LENGTH = 2;

export function mountStudentActions(context: SidebarContext): void {
  const search = byId<HTMLInputElement>('student-search');
  const results = byId<HTMLUListElement>('student-results');
  const resultsNote = byId('student-results-note');
  const selectedBox = byId('student-selected');
  const selectedName = byId('student-selected-name');
  const selectedDetail = byId('student-selected-detail');
  const moveForm = byId<HTMLFormElement>('move-form');
  const moveTarget = byId<HTMLSelectElement>('move-target');
  const moveWeek = new DateField(byId<HTMLInputElement>('move-week'));
  const moveReason = byId<HTMLInputElement>('move-reason');
  const dropoutForm = byId<HTMLFormElement>('dropout-form');
  const dropoutDate = new DateField(byId<HTMLInputElement>('dropout-date'));
  const dropoutReason = byId<HTMLInputElement>('dropout-reason');
  const outcome = byId('student-outcome');
  // The forms are novalidate: the browser's own bubbles would speak its language, not the sidebar's.
  const moveTargetError = byId('move-target-error');
  const moveWeekError = byId('move-week-error');
  const dropoutDateError = byId('dropout-date-error');
  const checkedFields = [
    { control: moveTarget, slot: moveTargetError },
    { control: moveWeek.input, slot: moveWeekError },
    { control: dropoutDate.input, slot: dropoutDateError },
  ];

  let selected: StudentMatch | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let searchSeq = 0;

  function renderTargets(): void {
    const cohorts = (context.state?.cohorts ?? []).filter((cohort) => cohort.active && cohort.name !== selected?.cohort);
    replaceChildren(
      moveTarget,
      el('option', { text: CHOOSE_COHORT, attrs: { value: '' } }),
      ...cohorts.map((cohort) => el('option', { text: cohort.name, attrs: { value: cohort.name } })),
    );
  }

  function select(student: StudentMatch, chosen: HTMLButtonElement): void {
    selected = student;
    for (const other of results.querySelectorAll('button')) other.setAttribute('aria-pressed', String(other === chosen));
    selectedName.textContent = student.name;
    selectedDetail.textContent = studentDetail(student.email, student.cohort);
    renderTargets();
    moveWeek.show(todayIso());
    dropoutDate.show(todayIso());
    for (const field of checkedFields) showFieldError(field.control, field.slot, null);
    moveReason.value = '';
    dropoutReason.value = '';
    selectedBox.hidden = false;
    context.messages.status(studentSelected(student.name));
  }

  function showMatches(matches: readonly StudentMatch[]): void {
    resultsNote.textContent = matches.length === 0 ? NO_STUDENTS_FOUND : studentsFound(matches.length);
    replaceChildren(
      results,
      ...matches.map((student) => {
        const choose = el(
          'button',
          { className: 'result', attrs: { type: 'button', 'aria-pressed': 'false' } },
          el('span', { className: 'result-name', text: student.name }),
          el('span', { className: 'result-detail', text: studentDetail(student.email, student.cohort) }),
        );
        choose.addEventListener('click', () => select(student, choose));
        return el('li', {}, choose);
      }),
    );
  }

  async function runSearch(query: string): Promise<void> {
    const seq = ++searchSeq;
    resultsNote.textContent = SEARCHING;
    const matches = await context.attempt(() => context.call('searchStudents', query));
    if (seq !== searchSeq) return; // a newer query is on its way
    if (matches === undefined) {
      resultsNote.textContent = '';
      return;
    }
    showMatches(matches);
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    const query = search.value.trim();
    if (query.length < MIN_QUERY_LENGTH) {
      searchSeq++;
      replaceChildren(results);
      resultsNote.textContent = query.length === 0 ? '' : typeAtLeast(MIN_QUERY_LENGTH);
      return;
    }
    timer = setTimeout(() => void runSearch(query), SEARCH_DELAY_MS);
  });

  function showOutcome(adjustment: AdjustmentView): void {
    replaceChildren(
      outcome,
      el('strong', { text: adjustment.action === 'Mover' ? STUDENT_MOVED : DROPOUT_RECORDED }),
      el('p', { text: describeAdjustment(adjustment) }),
      adjustment.reason ? el('p', { className: 'hint', text: adjustmentReason(adjustment.reason) }) : null,
    );
    outcome.hidden = false;
    context.messages.status(adjustmentRecorded(describeAdjustment(adjustment)));
  }

  /** Shows each field's problem beside it; the first field in trouble takes the focus. True when all are fine. */
  function check(fields: readonly { control: HTMLElement; slot: HTMLElement; problem: string | null }[]): boolean {
    for (const field of fields) showFieldError(field.control, field.slot, field.problem);
    fields.find((field) => field.problem !== null)?.control.focus();
    return fields.every((field) => field.problem === null);
  }

  function problemOf(field: DateField): string | null {
    const reading = field.read();
    return reading.ok ? null : reading.message;
  }

  async function submitAdjustment(form: HTMLFormElement, valid: boolean, work: (student: StudentMatch) => Promise<AdjustmentView>): Promise<void> {
    if (!selected || !valid) return;
    const student = selected;
    const submit = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (submit) submit.disabled = true;
    try {
      const adjustment = await context.attempt(() => work(student));
      if (!adjustment) return;
      showOutcome(adjustment);
      selectedBox.hidden = true;
      selected = null;
      replaceChildren(results);
      resultsNote.textContent = '';
      search.value = '';
      await context.attempt(() => context.refresh());
    } finally {
      if (submit) submit.disabled = false;
    }
  }

  moveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const valid = check([
      { control: moveTarget, slot: moveTargetError, problem: moveTarget.value === '' ? TARGET_COHORT_REQUIRED : null },
      { control: moveWeek.input, slot: moveWeekError, problem: problemOf(moveWeek) },
    ]);
    void submitAdjustment(moveForm, valid, (student) =>
      context.call('moveStudent', student.studentId, moveTarget.value, moveWeek.value(), moveReason.value.trim()),
    );
  });
  dropoutForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const valid = check([{ control: dropoutDate.input, slot: dropoutDateError, problem: problemOf(dropoutDate) }]);
    void submitAdjustment(dropoutForm, valid, (student) => context.call('markDropout', student.studentId, dropoutDate.value(), dropoutReason.value.trim()));
  });
  context.onState(() => {
    if (selected) {
      const target = moveTarget.value;
      renderTargets();
      moveTarget.value = target;
    }
  });
}
