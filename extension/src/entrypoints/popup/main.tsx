import { render } from "preact";
import { z } from "zod";
import { PopupApp } from "../../components/popup-app.tsx";
import { loadSettings } from "../../settings/load-settings.ts";
import { resolveLocale } from "../../settings/resolve-locale.ts";

z.config({ jitless: true });
const { settings } = await loadSettings();
const locale = resolveLocale(settings.language, navigator.languages);
document.documentElement.lang = locale;
const app = document.getElementById("app");
if (app) render(<PopupApp locale={locale} />, app);
