// Builds a DCD from what HD4DP publishes about it (hd4dp-definition-contract.ts): the form's
// components become fields (panels sections, a datagrid a repeat block), its code lists keep
// HD4DP's item ids (`CodeItem.id`, what S2S submissions carry), and texts come in the four
// languages from the translations. What the contract does not carry (NOT_CARRIED) stays out:
// the DCD has no rules. Check the result with parseDcd before use.

import type {
  CodeList,
  Dcd,
  Field,
  Locale,
  RepeatField,
  Section,
  TextFormat,
  Translations,
} from "../dcd.ts";
import {
  type CodelistReply,
  type DefinitionComponent,
  LANGUAGE_IDS,
  type PayloadDefinitionReply,
  type TranslationsReply,
  textKey,
} from "./hd4dp-definition-contract.ts";

export interface PulledDefinition {
  /** The form, in any one language. */
  definition: PayloadDefinitionReply;
  /** Every code list the form refers to. */
  codelists: CodelistReply[];
  translations: Record<Locale, TranslationsReply>;
}

export interface DcdFromDefinition {
  dcd: Dcd;
  /** Per language, the texts its translations lacked: they hold the definition's own text. */
  untranslated: Record<Locale, string[]>;
}

type LeafField = Exclude<Field, RepeatField>;

export function dcdFromHd4dpDefinition(
  pulled: PulledDefinition,
  source: string,
): DcdFromDefinition {
  const { definition } = pulled;
  const untranslated: Record<Locale, string[]> = { fr: [], nl: [], de: [], en: [] };
  const texts = (key: string, fallback: string): Translations => {
    const out = {} as Translations;
    for (const lang of LANGUAGE_IDS) {
      const text = pulled.translations[lang].translations[key];
      if (text === undefined) untranslated[lang].push(key);
      out[lang] = text ?? fallback;
    }
    return out;
  };
  const listNames = new Map(pulled.codelists.map((list) => [list.codelistId, list.name]));

  const baseOf = (c: DefinitionComponent, path: string, section: string | undefined) => ({
    name: c.key,
    label: texts(textKey({ field: path, text: "label" }), c.label),
    ...(c.description === undefined
      ? {}
      : { help: texts(textKey({ field: path, text: "description" }), c.description) }),
    required: c.validate?.required === true,
    ...(c.properties?.system === "true" ? { system: true } : {}),
    ...(c.disabled ? { readonly: true } : {}),
    ...(c.defaultValue === undefined ? {} : { default: c.defaultValue }),
    ...(section === undefined ? {} : { section }),
  });

  function leaf(c: DefinitionComponent, path: string, section: string | undefined): LeafField {
    const v = c.validate ?? {};
    const base = baseOf(c, path, section);
    const bounds = {
      ...(v.min === undefined ? {} : { min: v.min }),
      ...(v.max === undefined ? {} : { max: v.max }),
    };
    const format = c.type === "email" ? "email" : (c.properties?.format as TextFormat | undefined);
    const codeList = listNames.get(c.codelistId ?? -1) ?? `codelist-${c.codelistId}`;
    switch (c.type) {
      case "textfield":
      case "email":
        return {
          ...base,
          type: "text",
          ...(v.maxLength === undefined ? {} : { maxLength: v.maxLength }),
          ...(format === undefined ? {} : { format }),
        };
      case "number":
        return { ...base, type: v.integer ? "integer" : "decimal", ...bounds };
      case "datetime":
        return { ...base, type: c.enableTime ? "datetime" : "date" };
      case "time":
        return { ...base, type: "time" };
      case "select":
        return c.multiple
          ? {
              ...base,
              type: "multi",
              codeList,
              ...(v.minSelectedCount === undefined ? {} : { minItems: v.minSelectedCount }),
              ...(v.maxSelectedCount === undefined ? {} : { maxItems: v.maxSelectedCount }),
            }
          : { ...base, type: "code", codeList };
      case "checkbox":
        return { ...base, type: "bool" };
      case "content":
        return { ...base, type: "note" };
      default:
        // A hidden value HD4DP computes: its formula is not carried, so it is kept as a
        // value the registry sets. (Panels and datagrids never reach here.)
        return { ...base, type: "text", system: true };
    }
  }

  const sections: Section[] = [];
  const fields: Field[] = [];
  const walk = (components: DefinitionComponent[], section: string | undefined) => {
    for (const c of components) {
      if (c.type === "panel") {
        // A section split over several panels is one section.
        if (!sections.some((s) => s.name === c.key)) {
          sections.push({ name: c.key, label: texts(textKey({ panel: c.key }), c.label) });
        }
        walk(c.components ?? [], c.key);
      } else if (c.type === "datagrid") {
        fields.push({
          ...baseOf(c, c.key, section),
          type: "repeat",
          minItems: c.validate?.minLength ?? 0,
          // None given: parseDcd then says the block lacks its maximum.
          maxItems: c.validate?.maxLength ?? 0,
          fields: (c.components ?? []).map((inner) =>
            leaf(inner, `${c.key}.${inner.key}`, undefined),
          ),
        });
      } else fields.push(leaf(c, c.key, section));
    }
  };
  walk(definition.components, undefined);

  const codeLists: CodeList[] = pulled.codelists.map((list) => ({
    name: list.name,
    items: list.items.map((item) => ({
      value: item.code,
      label: item.labels,
      id: String(item.id),
      ...(item.attributes ? { filters: item.attributes } : {}),
    })),
    ...(list.valueFormat ? { format: list.valueFormat } : {}),
  }));

  const dcd: Dcd = {
    id: definition.dcdId,
    version: definition.version,
    label: texts(textKey({ form: true }), definition.title),
    source,
    ...(sections.length > 0 ? { sections } : {}),
    fields,
    codeLists,
    rules: [],
    businessKey: { fields: definition.businessKey },
  };
  return { dcd, untranslated };
}
