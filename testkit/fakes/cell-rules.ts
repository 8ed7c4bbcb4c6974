// Fake data validations and rich text values: real objects (not recordings), so tests read back the
// rule or the link a cell holds, and the adapter gets Sheets' errors for what Sheets refuses.

import { enumOf, type Runtime } from './runtime';

type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GRichTextValue = GoogleAppsScript.Spreadsheet.RichTextValue;
type GRichTextValueBuilder = GoogleAppsScript.Spreadsheet.RichTextValueBuilder;

export const DATA_VALIDATION_CRITERIA = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'VALUE_IN_LIST',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);
type Criteria = keyof typeof DATA_VALIDATION_CRITERIA;

/** What a rule holds (https://developers.google.com/apps-script/reference/spreadsheet/data-validation). */
interface ValidationState {
  readonly criteria: Criteria | null;
  readonly values: unknown[];
  /** "The default for a new data validation builder is true" (DataValidationBuilder.setAllowInvalid). */
  readonly allowInvalid: boolean;
  readonly helpText: string | null;
}

/**
 * A built rule. Rules apply to what people type in the Sheets UI: a script's setValues is not checked
 * against them (the cell keeps the value and shows Sheets' invalid-data marker), so the fake stores the
 * rule and never rejects a write; tests read the rule back instead.
 */
export class FakeDataValidation implements Pick<GDataValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'> {
  constructor(
    private readonly rt: Runtime,
    readonly state: ValidationState,
  ) {}
  gas(): GDataValidation {
    return this as unknown as GDataValidation;
  }
  copy(): GDataValidationBuilder {
    return new FakeDataValidationBuilder(this.rt, this.state).gas();
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.state.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  /** VALUE_IN_LIST: `[values, showDropdown]`, as Apps Script returns them. */
  getCriteriaValues(): unknown[] {
    return this.state.values.map((value) => (Array.isArray(value) ? [...value] : value));
  }
  getHelpText(): string {
    return this.state.helpText as string;
  }
}

type BuilderMethods = 'requireDate' | 'requireValueInList' | 'requireCheckbox' | 'setAllowInvalid' | 'setHelpText' | 'build' | 'copy';

/** SpreadsheetApp.newDataValidation(): the criteria the adapters use, each as Apps Script defines it. */
export class FakeDataValidationBuilder implements Pick<GDataValidationBuilder, BuilderMethods> {
  private state: ValidationState;

  constructor(
    private readonly rt: Runtime,
    from: ValidationState = { criteria: null, values: [], allowInvalid: true, helpText: null },
  ) {
    this.state = { ...from, values: [...from.values] };
  }
  gas(): GDataValidationBuilder {
    return this as unknown as GDataValidationBuilder;
  }
  requireDate(): GDataValidationBuilder {
    this.state = { ...this.state, criteria: 'DATE_IS_VALID_DATE', values: [] };
    return this.gas();
  }
  /** showDropdown defaults to true (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requirevalueinlistvalues). */
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string'))
      throw this.rt.exception("The parameters (Object) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.");
    this.state = { ...this.state, criteria: 'VALUE_IN_LIST', values: [[...values], showDropdown] };
    return this.gas();
  }
  requireCheckbox(): GDataValidationBuilder {
    this.state = { ...this.state, criteria: 'CHECKBOX', values: [] };
    return this.gas();
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.state = { ...this.state, allowInvalid: allowInvalidData };
    return this.gas();
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.state = { ...this.state, helpText };
    return this.gas();
  }
  copy(): GDataValidationBuilder {
    return new FakeDataValidationBuilder(this.rt, this.state).gas();
  }
  /** Sheets refuses to build a rule with no criteria. */
  build(): GDataValidation {
    if (this.state.criteria === null) throw this.rt.exception('You must set a criteria for the data validation rule.');
    return new FakeDataValidation(this.rt, this.state).gas();
  }
}

/** A link over [start, end) of a rich text value's text. */
interface LinkRun {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

/** A rich text value: its text and the links over parts of it (styles are not modelled). */
export class FakeRichTextValue implements Pick<GRichTextValue, 'copy' | 'getText' | 'getLinkUrl' | 'getStartIndex' | 'getEndIndex'> {
  constructor(
    private readonly rt: Runtime,
    readonly text: string,
    readonly links: readonly LinkRun[],
  ) {}
  gas(): GRichTextValue {
    return this as unknown as GRichTextValue;
  }
  copy(): GRichTextValueBuilder {
    const builder = new FakeRichTextValueBuilder(this.rt);
    builder.setText(this.text);
    for (const link of this.links) builder.setLinkUrl(link.start, link.end, link.url);
    return builder.gas();
  }
  getText(): string {
    return this.text;
  }
  getStartIndex(): number {
    return 0;
  }
  getEndIndex(): number {
    return this.text.length;
  }
  /** The link over the whole text (or over [start, end)); null when it is not all one link. */
  getLinkUrl(startOffset?: number, endOffset?: number): string | null {
    const [start, end] = startOffset === undefined ? [0, this.text.length] : [startOffset, endOffset ?? this.text.length];
    return this.links.find((link) => link.start <= start && link.end >= end)?.url ?? null;
  }
}

/** SpreadsheetApp.newRichTextValue(). */
export class FakeRichTextValueBuilder implements Pick<GRichTextValueBuilder, 'setText' | 'setLinkUrl' | 'build'> {
  private text = '';
  private links: LinkRun[] = [];

  constructor(private readonly rt: Runtime) {}

  gas(): GRichTextValueBuilder {
    return this as unknown as GRichTextValueBuilder;
  }
  /** "Sets the text for this value and clears any existing text style." */
  setText(text: string): GRichTextValueBuilder {
    this.text = String(text);
    this.links = [];
    return this.gas();
  }
  /** setLinkUrl(url) links the whole text; setLinkUrl(start, end, url) a part, within the text. */
  setLinkUrl(a: number | string | null, b?: number, c?: string | null): GRichTextValueBuilder {
    const [start, end, url] = typeof a === 'number' ? [a, b ?? a, c ?? null] : [0, this.text.length, a];
    if (start < 0 || end > this.text.length || start > end) throw this.rt.exception('The offsets are outside the text of this value.');
    this.links = this.links.filter((link) => link.end <= start || link.start >= end);
    if (url !== null && url !== '') this.links.push({ start, end, url });
    return this.gas();
  }
  build(): GRichTextValue {
    return new FakeRichTextValue(this.rt, this.text, [...this.links]).gas();
  }
}
