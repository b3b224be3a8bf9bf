// THE definition half of the HD4DP v2 S2S contract: how HD4DP publishes a DCD (its menu,
// fields, code lists and translations), read by `spine-reg dcd pull` (cli/run-dcd-pull.ts)
// and served by the local emulator (scripts/hd4dp-emulator). The submission half (token,
// submit, correction, status) is worker/src/registry/hd4dp-contract.ts. When Healthdata's
// real replies are known, this file is the one to change.
//
// Known: HD4DP's S2S API, under the same `/proxy` base URL as submissions, publishes
// GET /api/dcd/menu/structure?organization-id=, /api/dcd/payload/definition?dcd-id=&version=
// &language-id=, /api/dcd/field?field-id=, /api/dcd/codelist?codelist-id= and translations
// per language; HD4DP renders its forms with Form.io.
// ASSUMED (not published): every reply body below, the translations path, the language ids
// (our locales), whole-number field, code-list and item ids, and what the definition carries.
// The shapes follow a Form.io form: nested components (panels for sections, a datagrid for a
// repeat block) keyed by technical names, a `validate` object, code lists by reference.
//
// Pure module (zod + shared-schema only): it runs in Node and in workerd.

import { z } from "zod";
import { LOCALES, type Locale } from "../dcd.ts";

/** The `language-id` values (ASSUMED: HD4DP names languages as we do). */
export const LANGUAGE_IDS = LOCALES;
export type LanguageId = Locale;

// --- Paths (relative to the S2S base URL, e.g. https://<hd4dp-host>/proxy) --------------

export const DEFINITION_PATHS = {
  menuStructure: "/api/dcd/menu/structure",
  payloadDefinition: "/api/dcd/payload/definition",
  field: "/api/dcd/field",
  codelist: "/api/dcd/codelist",
  translations: "/api/dcd/translations",
} as const;

const withQuery = (path: string, query: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === "" ? path : `${path}?${text}`;
};

/** The DCDs an organization registers into. Without an id: the S2S client's own (ASSUMED). */
export function menuStructurePath(organizationId?: string): string {
  return withQuery(DEFINITION_PATHS.menuStructure, { "organization-id": organizationId });
}

export function payloadDefinitionPath(dcdId: string, version: string, language: LanguageId) {
  return withQuery(DEFINITION_PATHS.payloadDefinition, {
    "dcd-id": dcdId,
    version,
    "language-id": language,
  });
}

export function fieldPath(fieldId: number): string {
  return withQuery(DEFINITION_PATHS.field, { "field-id": fieldId });
}

export function codelistPath(codelistId: number): string {
  return withQuery(DEFINITION_PATHS.codelist, { "codelist-id": codelistId });
}

export function translationsPath(dcdId: string, version: string, language: LanguageId) {
  return withQuery(DEFINITION_PATHS.translations, {
    "dcd-id": dcdId,
    version,
    "language-id": language,
  });
}

// --- Replies (ASSUMED) -------------------------------------------------------------------

const id = z.int().nonnegative();
const ByLanguageSchema = z.object({
  fr: z.string(),
  nl: z.string(),
  de: z.string(),
  en: z.string(),
});

/** 200 reply of the menu structure. */
export const MenuStructureReplySchema = z.object({
  organizationId: z.string(),
  dataCollections: z.array(
    z.object({
      dcdId: z.string().min(1),
      labels: ByLanguageSchema,
      versions: z.array(z.object({ version: z.string().min(1), active: z.boolean() })),
    }),
  ),
});
export type MenuStructureReply = z.infer<typeof MenuStructureReplySchema>;

/**
 * Form.io component types and what they hold: `panel` a section (its components), `datagrid`
 * a repeat block (rows of its components), `select` a code (`multiple`: a multi) field,
 * `number` a number (`validate.integer`: whole), `datetime` a date (`enableTime`: with the
 * time), `content` a text shown in the form, `hidden` a value HD4DP computes.
 */
export const COMPONENT_TYPES = [
  "panel",
  "textfield",
  "email",
  "number",
  "datetime",
  "time",
  "select",
  "checkbox",
  "datagrid",
  "content",
  "hidden",
] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

export interface DefinitionComponent {
  /** Technical name: the key of the value in a record and in a submission. */
  key: string;
  type: ComponentType;
  /** In the requested language-id. */
  label: string;
  description?: string;
  /** HD4DP's id of the field (`GET /api/dcd/field?field-id=`); panels have none. */
  fieldId?: number;
  validate?: {
    required?: boolean;
    /** Characters of a text; rows of a datagrid. */
    maxLength?: number;
    /** Rows of a datagrid. */
    minLength?: number;
    min?: number;
    max?: number;
    integer?: boolean;
    /** Values of a multiple select. */
    minSelectedCount?: number;
    maxSelectedCount?: number;
  };
  /**
   * HD4DP's own settings of the field: `format` (niss, nihii-physician) and `system`
   * ("true": set by the registry or the product, never entered).
   */
  properties?: Record<string, string>;
  /** Shown, not editable. */
  disabled?: boolean;
  defaultValue?: string | number | boolean;
  enableTime?: boolean;
  dataSrc?: "codelist";
  codelistId?: number;
  multiple?: boolean;
  components?: DefinitionComponent[];
}

export const DefinitionComponentSchema: z.ZodType<DefinitionComponent> = z.lazy(() =>
  z.object({
    key: z.string().min(1),
    type: z.enum(COMPONENT_TYPES),
    label: z.string(),
    description: z.string().optional(),
    fieldId: id.optional(),
    validate: z
      .object({
        required: z.boolean().optional(),
        maxLength: z.int().nonnegative().optional(),
        minLength: z.int().nonnegative().optional(),
        min: z.number().optional(),
        max: z.number().optional(),
        integer: z.boolean().optional(),
        minSelectedCount: z.int().nonnegative().optional(),
        maxSelectedCount: z.int().nonnegative().optional(),
      })
      .optional(),
    properties: z.record(z.string(), z.string()).optional(),
    disabled: z.boolean().optional(),
    defaultValue: z.union([z.string(), z.number(), z.boolean()]).optional(),
    enableTime: z.boolean().optional(),
    dataSrc: z.literal("codelist").optional(),
    codelistId: id.optional(),
    multiple: z.boolean().optional(),
    components: z.array(DefinitionComponentSchema).optional(),
  }),
);

/** 200 reply of the payload definition: the whole form, texts in `languageId`. */
export const PayloadDefinitionReplySchema = z.object({
  dcdId: z.string().min(1),
  version: z.string().min(1),
  languageId: z.enum(LANGUAGE_IDS),
  title: z.string(),
  /** The fields whose values identify one registration (the registry's business key). */
  businessKey: z.array(z.string()),
  components: z.array(DefinitionComponentSchema),
});
export type PayloadDefinitionReply = z.infer<typeof PayloadDefinitionReplySchema>;

/** 200 reply of one field. */
export const FieldReplySchema = z.object({
  dcdId: z.string().min(1),
  version: z.string().min(1),
  component: DefinitionComponentSchema,
});
export type FieldReply = z.infer<typeof FieldReplySchema>;

/** 200 reply of a code list: every item, labels in every language. */
export const CodelistReplySchema = z.object({
  codelistId: id,
  /** The list's technical name. */
  name: z.string().min(1),
  /**
   * Values beyond `items` that HD4DP accepts when they have this format (postcodes,
   * nomenclature codes): sent as they are, with no item id.
   */
  valueFormat: z.enum(["be-postcode", "nomenclature"]).optional(),
  items: z.array(
    z.object({
      /** What a submission carries for this item. */
      id,
      /** The code value, as in CSV files. */
      code: z.string().min(1),
      labels: ByLanguageSchema,
      /** Extra columns of the item, read by choice filters. */
      attributes: z.record(z.string(), z.string()).optional(),
    }),
  ),
});
export type CodelistReply = z.infer<typeof CodelistReplySchema>;

/** 200 reply of the translations of a DCD's texts into one language, by `textKey`. */
export const TranslationsReplySchema = z.object({
  dcdId: z.string().min(1),
  version: z.string().min(1),
  languageId: z.enum(LANGUAGE_IDS),
  translations: z.record(z.string(), z.string()),
});
export type TranslationsReply = z.infer<typeof TranslationsReplySchema>;

/**
 * The key of a text in the translations: `form.title`, `panel.<key>.label`, and
 * `field.<path>.label|description`, where a datagrid's component has the path `<grid>.<key>`.
 */
export function textKey(
  of: { form: true } | { panel: string } | { field: string; text: "label" | "description" },
): string {
  if ("form" in of) return "form.title";
  if ("panel" in of) return `panel.${of.panel}.label`;
  return `field.${of.field}.${of.text}`;
}

/**
 * What a DCD holds that this contract does not carry (Form.io keeps such logic as
 * JavaScript, which is not read): a DCD pulled over the API goes without it.
 */
export const NOT_CARRIED = [
  "cross-field rules (checks that compare fields)",
  "conditional requirements: such fields come as optional",
  "when a field or a section is asked (relevance)",
  "how HD4DP computes a hidden value",
  "choice filters of code fields",
  "items that exclude all others in a multiple choice (e.g. 'none')",
  "messages shown for an empty required field",
  "the business key used when a field of it is empty (fallback)",
] as const;
