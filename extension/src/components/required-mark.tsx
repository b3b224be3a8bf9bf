import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { uiText } from "../i18n/ui-text.ts";

/** The asterisk after a required field's label, said in words to a screen reader. */
export function RequiredMark({ locale }: { locale: Locale }) {
  return (
    <span class="required">
      {" "}
      <span aria-hidden="true">*</span>
      <span class="visually-hidden">({uiText(locale, "required")})</span>
    </span>
  );
}
