// What the emulator answers to HD4DP's definition reads (shared-schema/src/s2s/
// hd4dp-definition-contract.ts), made from our own DCDs: a Form.io-shaped form per DCD and
// language, its code lists with the S2S item ids (for SPIN_SURG the ASSUMED table), and its
// translations. What the contract does not carry (NOT_CARRIED) is left out, as HD4DP would.

import type { Dcd, Field, Locale } from "../../shared-schema/src/dcd.ts";
import {
  type CodelistReply,
  type DefinitionComponent,
  type FieldReply,
  type MenuStructureReply,
  type PayloadDefinitionReply,
  type TranslationsReply,
  textKey,
} from "../../shared-schema/src/s2s/hd4dp-definition-contract.ts";
import { s2sCodeIdsOf } from "../../shared-schema/src/s2s/s2s-code-ids-of.ts";

export interface DefinitionReplies {
  menu(organizationId: string): MenuStructureReply;
  definition(dcdId: string, version: string, language: Locale): PayloadDefinitionReply | undefined;
  field(fieldId: number): FieldReply | undefined;
  codelist(codelistId: number): CodelistReply | undefined;
  translations(dcdId: string, version: string, language: Locale): TranslationsReply | undefined;
}

interface Published {
  dcd: Dcd;
  /** Field path (`IMPLANT.MS_IMPL_QTY` in a block) -> field id. */
  fieldIds: Map<string, number>;
  /** Code-list name -> code-list id. */
  codelistIds: Map<string, number>;
}

/** Throws when a DCD has items without an S2S id: HD4DP numbers every item it publishes. */
export function createDefinitionReplies(dcds: Dcd[]): DefinitionReplies {
  // Field and code-list ids are HD4DP's, unique across its DCDs.
  const fields = new Map<number, { p: Published; field: Field; path: string }>();
  const codelists = new Map<number, CodelistReply>();
  const published: Published[] = dcds.map((dcd) => {
    const p: Published = { dcd, fieldIds: new Map(), codelistIds: new Map() };
    const number = (field: Field, path: string) => {
      const fieldId = fields.size + 1;
      p.fieldIds.set(path, fieldId);
      fields.set(fieldId, { p, field, path });
    };
    for (const field of dcd.fields) {
      number(field, field.name);
      if (field.type === "repeat") {
        for (const inner of field.fields) number(inner, `${field.name}.${inner.name}`);
      }
    }
    const { ids, missing } = s2sCodeIdsOf(dcd);
    if (missing.length > 0) {
      throw new Error(`${dcd.id} ${dcd.version}: no S2S id for ${missing.join(", ")}`);
    }
    for (const list of dcd.codeLists.filter((l) => ids[l.name] !== undefined)) {
      const codelistId = codelists.size + 1;
      const table = ids[list.name] ?? {};
      p.codelistIds.set(list.name, codelistId);
      codelists.set(codelistId, {
        codelistId,
        name: list.name,
        ...(list.format ? { valueFormat: list.format } : {}),
        items: list.items.map((item) => ({
          id: table[item.value] as number,
          code: item.value,
          labels: item.label,
          ...(item.filters ? { attributes: item.filters } : {}),
        })),
      });
    }
    return p;
  });
  const find = (dcdId: string, version: string) =>
    published.find(({ dcd }) => dcd.id === dcdId && dcd.version === version);

  function component(p: Published, field: Field, path: string, lang: Locale): DefinitionComponent {
    const properties: Record<string, string> = {};
    if (field.system) properties.system = "true";
    if (field.type === "text" && field.format && field.format !== "email") {
      properties.format = field.format;
    }
    const base: DefinitionComponent = {
      key: field.name,
      type: "textfield",
      label: field.label[lang],
      ...(field.help ? { description: field.help[lang] } : {}),
      fieldId: p.fieldIds.get(path) as number,
      validate: { required: field.required === true },
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      ...(field.readonly ? { disabled: true } : {}),
      ...(field.default === undefined ? {} : { defaultValue: field.default }),
    };
    const validate = base.validate ?? {};
    switch (field.type) {
      case "text":
        if (field.maxLength !== undefined) validate.maxLength = field.maxLength;
        return { ...base, type: field.format === "email" ? "email" : "textfield" };
      case "date":
      case "datetime":
        return { ...base, type: "datetime", enableTime: field.type === "datetime" };
      case "time":
        return { ...base, type: "time" };
      case "integer":
      case "decimal":
        if (field.type === "integer") validate.integer = true;
        if (field.min !== undefined) validate.min = field.min;
        if (field.max !== undefined) validate.max = field.max;
        return { ...base, type: "number" };
      case "code":
      case "multi":
        if (field.type === "multi" && field.minItems !== undefined) {
          validate.minSelectedCount = field.minItems;
        }
        if (field.type === "multi" && field.maxItems !== undefined) {
          validate.maxSelectedCount = field.maxItems;
        }
        return {
          ...base,
          type: "select",
          dataSrc: "codelist",
          codelistId: p.codelistIds.get(field.codeList) as number,
          multiple: field.type === "multi",
        };
      case "bool":
        return { ...base, type: "checkbox" };
      case "note":
        return { ...base, type: "content" };
      case "calculate":
        return { ...base, type: "hidden" };
      case "repeat":
        validate.minLength = field.minItems;
        validate.maxLength = field.maxItems;
        return {
          ...base,
          type: "datagrid",
          components: field.fields.map((inner) =>
            component(p, inner, `${field.name}.${inner.name}`, lang),
          ),
        };
    }
  }

  /** Form order: a run of fields of one section is a panel, as Form.io nests them. */
  function components(p: Published, lang: Locale): DefinitionComponent[] {
    const out: DefinitionComponent[] = [];
    let panel: DefinitionComponent | undefined;
    for (const field of p.dcd.fields) {
      const item = component(p, field, field.name, lang);
      if (field.section === undefined) {
        panel = undefined;
        out.push(item);
      } else if (panel?.key === field.section) {
        panel.components?.push(item);
      } else {
        const section = p.dcd.sections?.find((s) => s.name === field.section);
        panel = {
          key: field.section,
          type: "panel",
          label: section?.label[lang] ?? field.section,
          components: [item],
        };
        out.push(panel);
      }
    }
    return out;
  }

  function texts(dcd: Dcd, lang: Locale): Record<string, string> {
    const out: Record<string, string> = { [textKey({ form: true })]: dcd.label[lang] };
    for (const section of dcd.sections ?? []) {
      out[textKey({ panel: section.name })] = section.label[lang];
    }
    const add = (field: Field, path: string) => {
      out[textKey({ field: path, text: "label" })] = field.label[lang];
      if (field.help) out[textKey({ field: path, text: "description" })] = field.help[lang];
    };
    for (const field of dcd.fields) {
      add(field, field.name);
      if (field.type === "repeat") {
        for (const inner of field.fields) add(inner, `${field.name}.${inner.name}`);
      }
    }
    return out;
  }

  return {
    menu: (organizationId) => ({
      organizationId,
      dataCollections: [...new Set(published.map(({ dcd }) => dcd.id))].map((dcdId) => {
        const versions = published.filter(({ dcd }) => dcd.id === dcdId).map((p) => p.dcd);
        return {
          dcdId,
          labels: (versions.at(-1) as Dcd).label,
          versions: versions.map((dcd) => ({ version: dcd.version, active: true })),
        };
      }),
    }),
    definition: (dcdId, version, lang) => {
      const p = find(dcdId, version);
      if (!p) return undefined;
      return {
        dcdId,
        version,
        languageId: lang,
        title: p.dcd.label[lang],
        businessKey: p.dcd.businessKey.fields,
        components: components(p, lang),
      };
    },
    field: (fieldId) => {
      const found = fields.get(fieldId);
      if (!found) return undefined;
      const { p, field, path } = found;
      return {
        dcdId: p.dcd.id,
        version: p.dcd.version,
        component: component(p, field, path, "en"),
      };
    },
    codelist: (codelistId) => codelists.get(codelistId),
    translations: (dcdId, version, lang) => {
      const p = find(dcdId, version);
      if (!p) return undefined;
      return { dcdId, version, languageId: lang, translations: texts(p.dcd, lang) };
    },
  };
}
