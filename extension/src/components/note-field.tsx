import type { Locale, NoteField as NoteFieldDef } from "../../../shared-schema/src/dcd.ts";

/** A note of the DCD: text for the surgeon, never a value. */
export function NoteField({ field, locale }: { field: NoteFieldDef; locale: Locale }) {
  return (
    <div class="field note">
      <p>{field.label[locale]}</p>
      {field.help ? <p class="help">{field.help[locale]}</p> : null}
    </div>
  );
}
