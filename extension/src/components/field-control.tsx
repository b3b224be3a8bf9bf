import type { Dcd, Field, Issue, Locale } from "../../../shared-schema/src/dcd.ts";
import { type FormValue, isTypedList } from "../form/form-values.ts";
import { uiText } from "../i18n/ui-text.ts";
import { FieldIssues } from "./field-issues.tsx";

export interface FieldControlProps {
  dcd: Dcd;
  field: Exclude<Field, { type: "repeat" }>;
  locale: Locale;
  /** The control's `name`: the DCD technical name, or `IMPLANT[2].MS_IMPL_QTY` in a repeat. */
  name: string;
  value: FormValue | undefined;
  onChange(value: FormValue): void;
  onBlur?(): void;
  issues: Issue[];
  /** Where a prefilled value was read, in words. */
  source?: string;
}

/** One DCD field as a labelled native control, with its help, source and issues. */
export function FieldControl(props: FieldControlProps) {
  const { dcd, field, locale, name, value, issues, source } = props;
  const id = `f-${name.replace(/[^\w-]/g, "_")}`;
  const describedBy = [`${id}-issues`, field.help ? `${id}-help` : "", source ? `${id}-source` : ""]
    .filter(Boolean)
    .join(" ");
  const hasError = issues.some((issue) => issue.severity === "error");
  const required = field.required === true;
  const label = field.label[locale];
  const common = {
    id,
    name,
    "aria-describedby": describedBy,
    "aria-invalid": hasError ? ("true" as const) : undefined,
    "aria-required": required ? ("true" as const) : undefined,
    onBlur: props.onBlur,
  };
  const text = typeof value === "string" ? value : "";
  const list = dcd.codeLists.find(
    (candidate) => "codeList" in field && candidate.name === field.codeList,
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
        : (list?.items ?? []).map((item) => ({ value: item.value, label: item.label[locale] }));
    const selected = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset
        class={`field group ${hasError ? "has-error" : ""}`}
        aria-describedby={describedBy}
        aria-invalid={hasError ? "true" : undefined}
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
        {list.items.map((item) => (
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
        type={(field.type === "date" ? "date" : "text") as "text"}
        value={text}
        inputMode={numeric ? "numeric" : undefined}
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

function RequiredMark({ locale }: { locale: Locale }) {
  return (
    <span class="required">
      {" "}
      <span aria-hidden="true">*</span>
      <span class="visually-hidden">({uiText(locale, "required")})</span>
    </span>
  );
}
