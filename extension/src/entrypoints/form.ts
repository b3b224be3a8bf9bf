import "../../../shared-schema/src/jitless-zod.ts";
import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { openForm } from "../form/open-form.tsx";

// Injected by the background (scripting.executeScript) into the content script's isolated
// world on the first click: Preact, zod, the compiled DCD and the form stay out of the
// content script that every chart page loads.
export default defineUnlistedScript(() => {
  globalThis.__spineRegisterForm = { open: openForm };
});
