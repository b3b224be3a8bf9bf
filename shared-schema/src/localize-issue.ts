import type { z } from "zod";
import type { Dcd, Field, Issue, Locale, Severity } from "./dcd.ts";
import { formatMessage } from "./i18n/format-message.ts";
import { MESSAGES, type MessageCode, TYPE_NAMES } from "./messages.ts";

type Params = Record<string, string | number>;

interface Located {
  /** `IMPLANT[2].MS_IMPL_QTY` for a field of a repeat block, 1-based. */
  name: string;
  label: string;
  field?: Field;
}

function locate(dcd: Dcd, path: readonly PropertyKey[], locale: Locale): Located {
  const [top, index, sub] = path;
  const field = dcd.fields.find((f) => f.name === top);
  if (!field) return { name: typeof top === "string" ? top : "", label: String(top ?? dcd.id) };
  if (field.type !== "repeat" || typeof index !== "number") {
    return { name: field.name, label: field.label[locale], field };
  }
  const entry = `${field.label[locale]} ${index + 1}`;
  const inner = field.fields.find((f) => f.name === sub);
  if (!inner) return { name: `${field.name}[${index + 1}]`, label: entry, field };
  return {
    name: `${field.name}[${index + 1}].${inner.name}`,
    label: `${entry} – ${inner.label[locale]}`,
    field: inner,
  };
}

function codeLabel(dcd: Dcd, field: Field | undefined, value: string, locale: Locale): string {
  if (!field || (field.type !== "code" && field.type !== "multi")) return value;
  const list = dcd.codeLists.find((l) => l.name === field.codeList);
  return list?.items.find((item) => item.value === value)?.label[locale] ?? value;
}

function make(
  locale: Locale,
  at: Located,
  code: string,
  severity: Severity,
  template: string,
  params: Params,
): Issue {
  return {
    field: at.name,
    code,
    severity,
    message: formatMessage(template, locale, { field: at.label, ...params }),
    params,
  };
}

/** Turns one zod issue of a compiled DCD schema into issues with messages in `locale`. */
export function localizeIssue(dcd: Dcd, issue: z.core.$ZodIssue, locale: Locale): Issue[] {
  const at = locate(dcd, issue.path, locale);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((name) => {
      const key = { ...at, name: at.name ? `${at.name}.${name}` : name };
      return make(locale, key, "unknown_field", "error", MESSAGES.unknown_field[locale], {
        name,
        dcd: dcd.id,
      });
    });
  }
  if (issue.code === "custom") {
    const {
      code,
      severity = "error",
      rule,
      ...rest
    } = (issue.params ?? {}) as Params & {
      code: string;
      severity?: Severity;
      rule?: number;
    };
    const params: Params = { ...rest };
    if (code === "exclusive_value")
      params.label = codeLabel(dcd, at.field, String(rest.value), locale);
    const template =
      rule !== undefined
        ? (dcd.rules[rule]?.message[locale] ?? code)
        : code === "required" && at.field?.requiredMessage
          ? at.field.requiredMessage[locale]
          : (MESSAGES[code as MessageCode]?.[locale] ?? code);
    return [make(locale, at, code, severity, template, params)];
  }
  const field = at.field;
  if ((issue.code === "too_big" || issue.code === "too_small") && field) {
    if (field.type === "text") {
      return [
        make(locale, at, "too_long", "error", MESSAGES.too_long[locale], {
          max: Number(issue.code === "too_big" ? issue.maximum : 0),
        }),
      ];
    }
    if (field.type === "integer" || field.type === "decimal") {
      const params = { min: field.min ?? "-", max: field.max ?? "-" };
      return [make(locale, at, "out_of_range", "error", MESSAGES.out_of_range[locale], params)];
    }
    if (field.type === "repeat") {
      const code = issue.code === "too_big" ? "too_many_items" : "too_few_items";
      const params: Params =
        code === "too_many_items" ? { max: field.maxItems } : { min: field.minItems };
      return [make(locale, at, code, "error", MESSAGES[code][locale], params)];
    }
  }
  // A value of the wrong JSON type (or anything zod reports that the DCD has no word for).
  const expected = TYPE_NAMES[field?.type ?? "record"][locale];
  return [make(locale, at, "invalid_type", "error", MESSAGES.invalid_type[locale], { expected })];
}
