import type {
  Dcd,
  Issue,
  Locale,
  RepeatField as RepeatFieldDef,
} from "../../../shared-schema/src/dcd.ts";
import type { RepeatRow } from "../form/form-values.ts";
import { uiText } from "../i18n/ui-text.ts";
import { FieldControl } from "./field-control.tsx";
import { FieldIssues } from "./field-issues.tsx";

interface RepeatFieldProps {
  dcd: Dcd;
  field: RepeatFieldDef;
  locale: Locale;
  rows: RepeatRow[];
  onChange(rows: RepeatRow[]): void;
  /** Issues by field path (`IMPLANT`, `IMPLANT[1].MS_IMPL_QTY`). */
  issuesOf(path: string): Issue[];
  onBlur?(): void;
}

/** A repeatable block (implants): one fieldset per entry, add and remove buttons. */
export function RepeatField({
  dcd,
  field,
  locale,
  rows,
  onChange,
  issuesOf,
  onBlur,
}: RepeatFieldProps) {
  const update = (index: number, name: string, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [name]: value } : row)));
  return (
    <fieldset class="field repeat" aria-describedby={`f-${field.name}-issues`}>
      <legend>{field.label[locale]}</legend>
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={n} class="repeat-entry">
            <legend>{uiText(locale, "implant", { n })}</legend>
            {field.fields.map((sub) => {
              const path = `${field.name}[${n}].${sub.name}`;
              return (
                <FieldControl
                  key={sub.name}
                  dcd={dcd}
                  field={sub}
                  locale={locale}
                  name={path}
                  value={row[sub.name] ?? ""}
                  onChange={(value) => update(index, sub.name, String(value))}
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
              {uiText(locale, "removeImplant", { n })}
            </button>
          </fieldset>
        );
      })}
      {rows.length < field.maxItems ? (
        <button type="button" class="secondary" onClick={() => onChange([...rows, {}])}>
          {uiText(locale, "addImplant")}
        </button>
      ) : null}
      <FieldIssues id={`f-${field.name}-issues`} issues={issuesOf(field.name)} />
    </fieldset>
  );
}
