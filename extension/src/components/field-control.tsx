import type { Value } from "../../../shared-schema/src/compile-condition.ts";
import type { CodeItem, Dcd, Field, Issue, Locale } from "../../../shared-schema/src/dcd.ts";
import { type FormValue, isTypedList } from "../form/form-values.ts";
import { uiText } from "../i18n/ui-text.ts";
import { CalculatedField } from "./calculated-field.tsx";
import { FieldIssues } from "./field-issues.tsx";
import { NoteField } from "./note-field.tsx";
import { RequiredMark } from "./required-mark.tsx";

export interface FieldControlProps {
  dcd: Dcd;
  field: Exclude<Field, { type: "repeat" }>;
  locale: Locale;
  /** The control's `name`: the DCD technical name, or `BLOCK[2].FIELD` in a repeat block. */
  name: string;
  value: FormValue | undefined;
  /** Required now: always, or under a condition that holds. */
  required: boolean;
  /** The items a code or multi field offers now (its choice filter applied); default all. */
  choices?: CodeItem[];
  /** The value of a calculate field. */
  computed?: Value;
  onChange(value: FormValue): void;
  onBlur?(): void;
  issues: Issue[];
  /** Where a prefilled value was read, in words. */
  source?: string;
}

const INPUT_TYPES: Partial<Record<Field["type"], string>> = {
  date: "date",
  time: "time",
  datetime: "datetime-local",
};

/** One DCD field as a labelled native control, with its help, source and issues. */
export function FieldControl(props: FieldControlProps) {
  const { dcd, field, locale, name, value, issues, source, required } = props;
  const id = `f-${name.replace(/[^\w-]/g, "_")}`;
  if (field.type === "note") return <NoteField field={field} locale={locale} />;
  if (field.type === "calculate") {
    return (
      <CalculatedField field={field} locale={locale} id={id} name={name} value={props.computed} />
    );
  }
  const describedBy = [`${id}-issues`, field.help ? `${id}-help` : "", source ? `${id}-source` : ""]
    .filter(Boolean)
    .join(" ");
  const hasError = issues.some((issue) => issue.severity === "error");
  const label = field.label[locale];
  const disabled = field.readonly === true;
  const common = {
    id,
    name,
    "aria-describedby": describedBy,
    "aria-invalid": hasError ? ("true" as const) : undefined,
    "aria-required": required ? ("true" as const) : undefined,
    disabled,
    onBlur: props.onBlur,
  };
  const text = typeof value === "string" ? value : "";
  const selected = Array.isArray(value) ? (value as string[]) : text ? [text] : [];
  const list = dcd.codeLists.find(
    (candidate) => "codeList" in field && candidate.name === field.codeList,
  );
  // What the filter allows, and what is chosen already: a value the filter no longer allows
  // stays in sight, with the validator's error, until the surgeon changes it.
  const allowed = new Set((props.choices ?? list?.items ?? []).map((item) => item.value));
  const items = (list?.items ?? []).filter(
    (item) => allowed.has(item.value) || selected.includes(item.value),
  );

  const notes = (
    <>
      {field.help ? (
        <p id={`${id}-help`} class="help">
          {field.help[locale]}
        </p>
      ) : null}
      {source ? (
        <p id={`${id}-source`} class="source">
          {source}
        </p>
      ) : null}
      <FieldIssues id={`${id}-issues`} issues={issues} />
    </>
  );

  // Groups of choices: a fieldset whose legend is the field's label.
  if (field.type === "bool" || (field.type === "multi" && !isTypedList(dcd, field))) {
    const options =
      field.type === "bool"
        ? [
            { value: "true", label: uiText(locale, "yes") },
            { value: "false", label: uiText(locale, "no") },
          ]
        : items.map((item) => ({ value: item.value, label: item.label[locale] }));
    return (
      <fieldset
        class={`field group ${hasError ? "has-error" : ""}`}
        aria-describedby={describedBy}
        aria-invalid={hasError ? "true" : undefined}
        disabled={disabled}
      >
        <legend>
          {label}
          {required ? <RequiredMark locale={locale} /> : null}
        </legend>
        <div class="choices">
          {options.map((option) => {
            const optionId = `${id}-${option.value}`;
            const checked =
              field.type === "bool" ? text === option.value : selected.includes(option.value);
            return (
              <label key={option.value} for={optionId} class="choice">
                <input
                  id={optionId}
                  name={name}
                  type={field.type === "bool" ? "radio" : "checkbox"}
                  value={option.value}
                  checked={checked}
                  onBlur={props.onBlur}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    if (field.type === "bool") props.onChange(option.value);
                    else
                      props.onChange(
                        on
                          ? [...selected, option.value]
                          : selected.filter((v) => v !== option.value),
                      );
                  }}
                />
                {option.label}
              </label>
            );
          })}
        </div>
        {notes}
      </fieldset>
    );
  }

  let control: preact.JSX.Element;
  if (field.type === "code" && list && !list.format) {
    control = (
      <select
        {...common}
        value={text}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <option value="">{uiText(locale, "choose")}</option>
        {items.map((item) => (
          <option key={item.value} value={item.value}>
            {item.label[locale] === item.value
              ? item.value
              : `${item.label[locale]} (${item.value})`}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric =
      field.type === "integer" || (field.type === "code" && list?.format === "be-postcode");
    control = (
      <input
        {...common}
        type={(INPUT_TYPES[field.type] ?? "text") as "text"}
        value={text}
        inputMode={numeric ? "numeric" : field.type === "decimal" ? "decimal" : undefined}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => props.onChange(event.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`field ${hasError ? "has-error" : ""}`}>
      <label for={id}>
        {label}
        {required ? <RequiredMark locale={locale} /> : null}
      </label>
      {control}
      {notes}
    </div>
  );
}
