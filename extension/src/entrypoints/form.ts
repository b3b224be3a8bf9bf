import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { z } from "zod";
import { openForm } from "../form/open-form.tsx";

// Injected by the background (scripting.executeScript) into the content script's isolated
// world on the first click: Preact, zod, the compiled DCD and the form stay out of the
// content script that every chart page loads.
export default defineUnlistedScript(() => {
  // MV3 forbids eval: zod must not compile its fast paths with new Function (docs/stack.md).
  z.config({ jitless: true });
  globalThis.__spineRegisterForm = { open: openForm };
});
