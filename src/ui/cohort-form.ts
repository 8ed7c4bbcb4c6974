// The `Nova turma` / edit form: the server validates on blur and on submit, and each FieldError is
// shown beside its field before anything is written; then `saveCohort` and a state refresh.

import {
  CHOOSE_TAG,
  CREATE_COHORT,
  cohortCreated,
  cohortUpdated,
  defaultGoalNote,
  editCohortTitle,
  NEW_COHORT_TITLE,
  NO_GOAL,
  NO_PRODUCTS_LOADED,
  NO_TAGS_LOADED,
  noDefaultGoal,
  SAVE_CHANGES,
  tagChoice,
  unknownTagChoice,
} from '../core/messages/sidebar';
import { type CohortInput, type CohortView, type FieldError, idOfText, type Option, type SidebarState, type TagId } from '../core/sidebar/api';
import type { Catalog, SidebarContext } from './context';
import { DateField } from './dates';
import { byId, el, replaceChildren } from './dom';

/** CohortInput field names, as the server names them in FieldError.field. */
type CohortField = keyof CohortInput;
const FIELDS: readonly CohortField[] = ['tagId', 'name', 'start', 'productIds', 'goalTrack', 'tutorEmail'];

export class CohortForm {
  private readonly form = byId<HTMLFormElement>('cohort-form');
  private readonly title = byId('cohort-form-title');
  private readonly tag = byId<HTMLSelectElement>('cohort-tag');
  private readonly name = byId<HTMLInputElement>('cohort-name');
  private readonly start = new DateField(byId<HTMLInputElement>('cohort-start'));
  private readonly products = byId<HTMLFieldSetElement>('cohort-products');
  private readonly goal = byId<HTMLSelectElement>('cohort-goal');
  private readonly goalHint = byId('cohort-goal-hint');
  private readonly tutor = byId<HTMLInputElement>('cohort-tutor');
  private readonly submit = byId<HTMLButtonElement>('cohort-submit');
  private readonly newButton = byId<HTMLButtonElement>('cohort-new');
  private originalName: string | null = null;
  /** The tag name last copied into `name`, so a tag change may replace it again. */
  private autoName: string | null = null;
  private readonly touched = new Set<string>();
  private validationSeq = 0;

  constructor(private readonly context: SidebarContext) {
    this.newButton.addEventListener('click', () => this.open(null));
    byId('cohort-cancel').addEventListener('click', () => this.close());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.tag.addEventListener('change', () => this.fillNameFromTag());
    for (const control of [this.tag, this.name, this.start.input, this.goal, this.tutor]) {
      control.addEventListener('blur', () => this.blurred(control.dataset.field as CohortField));
    }
    this.products.addEventListener('focusout', (event) => {
      if (!this.products.contains(event.relatedTarget as Node | null)) this.blurred('productIds');
    });
    context.onState((state, catalog) => this.renderOptions(state, catalog));
  }

  /** Opens the form empty (new cohort, with the school's default goal) or filled with `cohort` (edit). */
  open(cohort: CohortView | null): void {
    this.form.hidden = true; // let renderOptions rebuild the choices from the latest state
    const state = this.context.state;
    if (state) this.renderOptions(state, this.context.catalog);
    this.originalName = cohort?.name ?? null;
    this.autoName = null;
    this.touched.clear();
    this.showErrors([], true);
    this.title.textContent = cohort ? editCohortTitle(cohort.name) : NEW_COHORT_TITLE;
    this.submit.textContent = cohort ? SAVE_CHANGES : CREATE_COHORT;
    this.ensureTagOption(cohort?.tagId ?? null);
    this.tag.value = cohort ? String(cohort.tagId) : '';
    this.name.value = cohort?.name ?? '';
    this.start.show(cohort?.start ?? null);
    const defaultGoal = state?.defaultGoal ?? null;
    this.goal.value = cohort ? (cohort.goalTrack ?? '') : (defaultGoal?.track ?? '');
    // A new cohort says which goal it starts with, or why it has none; an edit shows the cohort's own.
    let goalNote = '';
    if (defaultGoal) goalNote = defaultGoal.track === null ? noDefaultGoal(defaultGoal.reason) : defaultGoalNote(defaultGoal.track);
    this.goalHint.textContent = goalNote;
    this.goalHint.hidden = cohort !== null || goalNote === '';
    this.tutor.value = cohort?.tutorEmail ?? '';
    const chosen = new Set(cohort?.productIds ?? []);
    for (const box of this.productBoxes()) box.checked = chosen.has(idOfText(box.value) ?? '');
    this.form.hidden = false;
    this.newButton.hidden = true;
    this.tag.focus();
  }

  close(): void {
    this.form.hidden = true;
    this.newButton.hidden = false;
    this.newButton.focus();
  }

  private productBoxes(): HTMLInputElement[] {
    return [...this.products.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  }

  /** The form as a CohortInput (empty or unreadable tag → 0, empty goal/tutor → null, start as ISO when it parses; the server judges the rest). */
  private input(): CohortInput {
    return {
      name: this.name.value.trim(),
      tagId: idOfText(this.tag.value) ?? 0,
      start: this.start.value(),
      productIds: this.productBoxes()
        .filter((box) => box.checked)
        .flatMap((box) => {
          const id = idOfText(box.value);
          return id === null ? [] : [id];
        }),
      goalTrack: this.goal.value === '' ? null : this.goal.value,
      tutorEmail: this.tutor.value.trim() === '' ? null : this.tutor.value.trim(),
    };
  }

  private fillNameFromTag(): void {
    const tagName = this.tag.selectedOptions[0]?.dataset.name ?? null;
    const current = this.name.value.trim();
    if (tagName && (current === '' || current === this.autoName)) {
      this.name.value = tagName;
      this.autoName = tagName;
    }
  }

  private blurred(field: CohortField): void {
    if (this.form.hidden) return;
    this.touched.add(field);
    void this.validate(false);
  }

  /** Asks the server; shows errors of touched fields (all of them when `all`). True when valid. */
  private async validate(all: boolean): Promise<boolean> {
    const seq = ++this.validationSeq;
    const result = await this.context.attempt(() => this.context.call('validateCohort', this.input(), this.originalName));
    if (result === undefined || seq !== this.validationSeq) return false;
    // The start date is judged here first, in the sidebar's own words (dd/mm/aaaa); the server's
    // reading of the same field only stands when the sidebar understood the date.
    const start = this.start.read();
    const errors = [
      ...(result.ok ? [] : result.errors.filter((error) => start.ok || error.field !== 'start')),
      ...(start.ok ? [] : [{ field: 'start', message: start.message }]),
    ];
    this.showErrors(errors, all);
    return errors.length === 0;
  }

  private async save(): Promise<void> {
    this.submit.disabled = true;
    try {
      if (!(await this.validate(true))) {
        this.focusFirstInvalid();
        return;
      }
      const input = this.input();
      const result = await this.context.attempt(() => this.context.call('saveCohort', input, this.originalName));
      if (result === undefined) return;
      if (!result.ok) {
        this.showErrors(result.errors, true);
        this.focusFirstInvalid();
        return;
      }
      this.context.messages.status(this.originalName ? cohortUpdated(input.name) : cohortCreated(input.name));
      this.close();
      await this.context.attempt(() => this.context.refresh());
    } finally {
      this.submit.disabled = false;
    }
  }

  /** Shows each error beside its field; fields not touched yet keep quiet unless `all`. */
  private showErrors(errors: readonly FieldError[], all: boolean): void {
    for (const field of [...FIELDS, 'form']) {
      const slot = byId(`cohort-error-${field}`);
      const messages = errors.filter((error) => error.field === field || (field === 'form' && !FIELDS.includes(error.field as CohortField)));
      const visible = messages.length > 0 && (all || field === 'form' || this.touched.has(field));
      slot.textContent = visible ? messages.map((error) => error.message).join(' ') : '';
      slot.hidden = !visible;
      const control = field === 'form' ? null : this.form.querySelector<HTMLElement>(`[data-field="${field}"]`);
      if (control) {
        if (visible) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
  }

  private focusFirstInvalid(): void {
    const invalid = this.form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid instanceof HTMLFieldSetElement) this.productBoxes()[0]?.focus();
    else invalid?.focus();
  }

  /** Keeps a cohort's tag selectable even when the catalog does not list it (or is not loaded). */
  private ensureTagOption(tagId: TagId | null): void {
    if (tagId === null || [...this.tag.options].some((option) => option.value === String(tagId))) return;
    this.tag.append(el('option', { text: unknownTagChoice(tagId), attrs: { value: String(tagId) } }));
  }

  private renderOptions(state: SidebarState, catalog: Catalog): void {
    if (!this.form.hidden) return; // never reset what the coordinator is typing
    replaceChildren(
      this.tag,
      el('option', { text: catalog.tags.length ? CHOOSE_TAG : NO_TAGS_LOADED, attrs: { value: '' } }),
      ...catalog.tags.map((tag: Option) => {
        const option = el('option', { text: tagChoice(tag.name, tag.id), attrs: { value: String(tag.id) } });
        option.dataset.name = tag.name;
        return option;
      }),
    );
    const legend = this.products.querySelector('legend');
    replaceChildren(
      this.products,
      legend,
      ...(catalog.products.length === 0
        ? [el('p', { className: 'hint', text: NO_PRODUCTS_LOADED })]
        : catalog.products.map((product) =>
            el(
              'label',
              { className: 'check' },
              el('input', { attrs: { type: 'checkbox', value: String(product.id), name: 'productIds' } }),
              ` ${product.name}`,
            ),
          )),
    );
    replaceChildren(
      this.goal,
      el('option', { text: NO_GOAL, attrs: { value: '' } }),
      ...state.goalTracks.map((track) => el('option', { text: track, attrs: { value: track } })),
    );
  }
}
