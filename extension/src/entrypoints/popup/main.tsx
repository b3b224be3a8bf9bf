import "../../../../shared-schema/src/jitless-zod.ts";
import { render } from "preact";
import { PopupApp } from "../../components/popup-app.tsx";
import { loadSettings } from "../../settings/load-settings.ts";
import { resolveLocale } from "../../settings/resolve-locale.ts";

const { settings } = await loadSettings();
const locale = resolveLocale(settings.language, navigator.languages);
document.documentElement.lang = locale;
const app = document.getElementById("app");
if (app) render(<PopupApp locale={locale} />, app);
