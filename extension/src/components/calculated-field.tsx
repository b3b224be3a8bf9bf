import type { Value } from "../../../shared-schema/src/compile-condition.ts";
import type { CalculateField, Locale } from "../../../shared-schema/src/dcd.ts";
import { uiText } from "../i18n/ui-text.ts";

interface CalculatedFieldProps {
  field: CalculateField;
  locale: Locale;
  /** The control's id and name, as FieldControl makes them. */
  id: string;
  name: string;
  value: Value;
}

/** A value the DCD computes from the others: shown, never typed. */
export function CalculatedField({ field, locale, id, name, value }: CalculatedFieldProps) {
  const text =
    typeof value === "boolean" ? uiText(locale, value ? "yes" : "no") : String(value ?? "");
  return (
    <div class="field calculated">
      <label for={id}>{field.label[locale]}</label>
      <output id={id} name={name} aria-describedby={field.help ? `${id}-help` : undefined}>
        {text}
      </output>
      {field.help ? (
        <p id={`${id}-help`} class="help">
          {field.help[locale]}
        </p>
      ) : null}
    </div>
  );
}
