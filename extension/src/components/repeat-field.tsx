import type {
  Issue,
  Locale,
  RepeatEntry,
  RepeatField as RepeatFieldDef,
} from "../../../shared-schema/src/dcd.ts";
import type { FormDcd } from "../form/form-dcd.ts";
import { defaultValues, type FormValue, type RepeatRow } from "../form/form-values.ts";
import type { FormView } from "../form/relevant-record.ts";
import { uiText } from "../i18n/ui-text.ts";
import { FieldControl } from "./field-control.tsx";
import { FieldIssues } from "./field-issues.tsx";
import { RequiredMark } from "./required-mark.tsx";

interface RepeatFieldProps {
  dcd: FormDcd;
  field: RepeatFieldDef;
  locale: Locale;
  rows: RepeatRow[];
  view: FormView;
  /** The record's values the conditions read (calculations included). */
  scope: Record<string, unknown>;
  required: boolean;
  onChange(rows: RepeatRow[]): void;
  /** Issues by field path (`BLOCK`, `BLOCK[1].FIELD`). */
  issuesOf(path: string): Issue[];
  onBlur?(): void;
}

/** A repeat block of the DCD: one fieldset per entry, add (up to its maximum) and remove. */
export function RepeatField(props: RepeatFieldProps) {
  const { dcd, field, locale, rows, view, onChange, issuesOf, onBlur } = props;
  const label = field.label[locale];
  const entries = (view.record[field.name] ?? []) as RepeatEntry[];
  const update = (index: number, name: string, value: FormValue) =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, [name]: value as string | string[] } : row)),
    );
  return (
    <fieldset class="field repeat" aria-describedby={`f-${field.name}-issues`}>
      <legend>
        {label}
        {props.required ? <RequiredMark locale={locale} /> : null}
      </legend>
      {rows.map((row, index) => {
        const n = index + 1;
        const entry = entries[index] ?? {};
        // The entry's own fields first, then the record's, as the validator reads them.
        const values = Object.assign(Object.create(props.scope), entry);
        return (
          <fieldset key={n} class="repeat-entry">
            <legend>{uiText(locale, "entry", { label, n })}</legend>
            {field.fields.map((sub) => {
              const qualified = `${field.name}.${sub.name}`;
              if (!view.relevance.field(qualified, entry)) return null;
              const path = `${field.name}[${n}].${sub.name}`;
              return (
                <FieldControl
                  key={sub.name}
                  dcd={dcd.compiled.dcd}
                  field={sub}
                  locale={locale}
                  name={path}
                  value={row[sub.name] ?? ""}
                  required={dcd.isRequired(sub, values)}
                  choices={dcd.compiled.choicesFor(qualified, view.record, entry)}
                  onChange={(value) => update(index, sub.name, value)}
                  issues={issuesOf(path)}
                  {...(onBlur ? { onBlur } : {})}
                />
              );
            })}
            <button
              type="button"
              class="secondary"
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              {uiText(locale, "removeEntry", { label, n })}
            </button>
          </fieldset>
        );
      })}
      {rows.length < field.maxItems ? (
        <button
          type="button"
          class="secondary"
          onClick={() => onChange([...rows, defaultValues(dcd.compiled.dcd, field.fields)])}
        >
          {uiText(locale, "addEntry", { label })}
        </button>
      ) : null}
      <FieldIssues id={`f-${field.name}-issues`} issues={issuesOf(field.name)} />
    </fieldset>
  );
}
