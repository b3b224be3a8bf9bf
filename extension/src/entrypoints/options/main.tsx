import "../../../../shared-schema/src/jitless-zod.ts";
import { render } from "preact";
import { OptionsForm } from "../../components/options-form.tsx";
import { loadSettings } from "../../settings/load-settings.ts";
import { resolveLocale } from "../../settings/resolve-locale.ts";

const initial = await loadSettings();
const locale = resolveLocale(initial.settings.language, navigator.languages);
document.documentElement.lang = locale;
const app = document.getElementById("app");
if (app) render(<OptionsForm locale={locale} initial={initial} />, app);
