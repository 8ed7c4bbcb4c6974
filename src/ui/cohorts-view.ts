// The `Turmas` panel: one card per cohort with Editar and Arquivar (with a confirm step).

import {
  ARCHIVE,
  ARCHIVED_BADGE,
  archiveCohortLabel,
  archiveConfirmLabel,
  archiveQuestion,
  CANCEL,
  COHORT_FACT,
  cohortArchived,
  EDIT,
  editCohortLabel,
  formatCount,
  NO_COHORTS,
  NO_GOAL,
  NO_GOAL_BADGE,
  NO_GOAL_BADGE_TITLE,
  NOT_SYNCED_YET,
} from '../core/messages/sidebar';
import type { CohortView } from '../core/sidebar/api';
import { type Catalog, optionName, type SidebarContext } from './context';
import { formatDate } from './dates';
import { button, byId, el, replaceChildren } from './dom';

function fact(term: string, value: string): HTMLElement[] {
  return [el('dt', { text: term }), el('dd', { text: value })];
}

function cohortFacts(cohort: CohortView, catalog: Catalog): HTMLDListElement {
  const products = cohort.productIds.map((id) => optionName(catalog.products, id)).join(', ');
  return el(
    'dl',
    { className: 'facts' },
    ...fact(COHORT_FACT.tag, optionName(catalog.tags, cohort.tagId)),
    ...fact(COHORT_FACT.start, formatDate(cohort.start)),
    ...fact(COHORT_FACT.products, products || '—'),
    ...fact(COHORT_FACT.goal, cohort.goalTrack ?? NO_GOAL),
    ...fact(COHORT_FACT.tutor, cohort.tutorEmail ?? '—'),
    ...fact(COHORT_FACT.students, cohort.studentCount === null ? '—' : formatCount(cohort.studentCount)),
    ...fact(COHORT_FACT.lastWeek, cohort.lastWeek === null ? NOT_SYNCED_YET : formatDate(cohort.lastWeek)),
  );
}

/** Mounts the cohort list; `onEdit` opens the form for a cohort. */
export function mountCohortList(context: SidebarContext, onEdit: (cohort: CohortView) => void): void {
  const list = byId<HTMLUListElement>('cohort-list');

  function archiveConfirm(cohort: CohortView, actions: HTMLElement): HTMLElement {
    const confirmBox = el('div', { className: 'confirm', attrs: { role: 'group', 'aria-label': archiveConfirmLabel(cohort.name) } });
    const cancel = () => {
      confirmBox.remove();
      actions.hidden = false;
      actions.querySelector<HTMLButtonElement>('.archive')?.focus();
    };
    const confirm = button(
      ARCHIVE,
      () => {
        void context
          .attempt(async () => {
            confirm.disabled = true;
            const result = await context.call('archiveCohort', cohort.name);
            if (!result.ok) {
              context.messages.error(result.errors.map((error) => error.message).join(' '));
              return;
            }
            context.messages.status(cohortArchived(cohort.name));
            await context.refresh();
          })
          .finally(() => (confirm.disabled = false));
      },
      'danger',
    );
    confirmBox.append(el('p', { text: archiveQuestion(cohort.name) }), el('div', { className: 'actions' }, confirm, button(CANCEL, cancel)));
    return confirmBox;
  }

  function card(cohort: CohortView, catalog: Catalog): HTMLLIElement {
    const title = el('div', { className: 'card-title' }, el('strong', { text: cohort.name }));
    if (!cohort.active) title.append(el('span', { className: 'badge', text: ARCHIVED_BADGE }));
    else if (cohort.goalTrack === null) title.append(el('span', { className: 'badge warn', text: NO_GOAL_BADGE, attrs: { title: NO_GOAL_BADGE_TITLE } }));
    const item = el('li', { className: cohort.active ? 'card' : 'card archived' }, title, cohortFacts(cohort, catalog));
    if (cohort.active) {
      const actions = el('div', { className: 'actions' });
      const archive = button(
        ARCHIVE,
        () => {
          actions.hidden = true;
          const confirmBox = archiveConfirm(cohort, actions);
          item.append(confirmBox);
          confirmBox.querySelector('button')?.focus();
        },
        'secondary archive',
        archiveCohortLabel(cohort.name),
      );
      actions.append(
        button(EDIT, () => onEdit(cohort), 'secondary', editCohortLabel(cohort.name)),
        archive,
      );
      item.append(actions);
    }
    return item;
  }

  context.onState((state, catalog) => {
    const cohorts = [...state.cohorts].sort((a, b) => Number(b.active) - Number(a.active));
    if (cohorts.length === 0) {
      replaceChildren(list, el('li', { className: 'empty', text: NO_COHORTS }));
      return;
    }
    replaceChildren(list, ...cohorts.map((cohort) => card(cohort, catalog)));
  });
}
