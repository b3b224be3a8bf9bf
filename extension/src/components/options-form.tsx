import { useEffect, useState } from "preact/hooks";
import { browser } from "wxt/browser";
import type { Locale } from "../../../shared-schema/src/dcd.ts";
import { EhrProfilesSchema } from "../adapters/ehr-profile-schema.ts";
import { type UiTextKey, uiText } from "../i18n/ui-text.ts";
import { loadSettings, saveUserSettings } from "../settings/load-settings.ts";
import type { EffectiveSettings, SettingKey, SettingsWithToken } from "../settings/settings.ts";
import { parseSetting } from "../settings/settings-schema.ts";
import { DcdInUse } from "./dcd-in-use.tsx";
import { HostAccess } from "./host-access.tsx";
import { OutboxHealth } from "./outbox-health.tsx";

type Draft = Record<SettingKey, string>;

function toDraft(settings: SettingsWithToken): Draft {
  return {
    workerUrl: settings.workerUrl,
    apiToken: settings.apiToken,
    authorGroup: settings.authorGroup,
    author: settings.author,
    dcd: settings.dcd.version ? `${settings.dcd.id}@${settings.dcd.version}` : settings.dcd.id,
    language: settings.language,
    ehrOrigins: settings.ehrOrigins.join("\n"),
    profiles: JSON.stringify(settings.profiles, null, 2),
    draftRetentionDays: String(settings.draftRetentionDays),
  };
}

/** The options page: each setting, locked (read-only) when the hospital's policy sets it. */
export function OptionsForm({ locale, initial }: { locale: Locale; initial: EffectiveSettings }) {
  const [effective, setEffective] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial.settings));
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string }>();
  useEffect(() => setDraft(toDraft(effective.settings)), [effective]);
  const locked = (key: SettingKey) => effective.locked.includes(key);

  async function save(event: Event) {
    event.preventDefault();
    setMessage(undefined);
    let profiles: SettingsWithToken["profiles"];
    try {
      profiles = EhrProfilesSchema.parse(JSON.parse(draft.profiles || "[]"));
    } catch (error) {
      const detail = error instanceof Error ? error.message.slice(0, 300) : "JSON";
      setMessage({ kind: "error", text: uiText(locale, "invalidProfiles", { detail }) });
      return;
    }
    const [id, version] = draft.dcd.trim().split("@");
    const { data: dcd } = parseSetting("dcd", version ? { id, version } : { id });
    if (!dcd) {
      setMessage({ kind: "error", text: uiText(locale, "invalidDcd", { detail: draft.dcd }) });
      return;
    }
    const origins = draft.ehrOrigins
      .split(/\s+/)
      .map((origin) => origin.trim())
      .filter(Boolean);
    // Host access to a hospital's EHR is asked for here, on the user's click: no policy can
    // grant it (docs/deploy-by-policy.md).
    if (!locked("ehrOrigins") && origins.length > 0) {
      const granted = await browser.permissions.request({ origins }).catch(() => false);
      if (!granted) setMessage({ kind: "error", text: uiText(locale, "permissionDenied") });
    }
    await saveUserSettings({
      workerUrl: draft.workerUrl.trim().replace(/\/+$/, ""),
      apiToken: draft.apiToken.trim(),
      authorGroup: draft.authorGroup.trim(),
      author: draft.author.trim(),
      dcd,
      language: draft.language as SettingsWithToken["language"],
      ehrOrigins: origins,
      profiles,
      draftRetentionDays: Math.max(0, Math.min(365, Number(draft.draftRetentionDays) || 0)),
    });
    setEffective(await loadSettings());
    setMessage((current) => current ?? { kind: "ok", text: uiText(locale, "saved") });
  }

  const field = (key: SettingKey, input: preact.JSX.Element) => (
    <div class="option" key={key}>
      <label for={`o-${key}`}>{uiText(locale, key as UiTextKey)}</label>
      {input}
      {locked(key) ? (
        <p id={`o-${key}-locked`} class="locked">
          🔒 {uiText(locale, "lockedByPolicy")}
        </p>
      ) : null}
    </div>
  );
  const text = (key: SettingKey, type: "text" | "url" | "password" | "email" | "number" = "text") =>
    field(
      key,
      <input
        id={`o-${key}`}
        name={key}
        type={type as "text"}
        value={draft[key]}
        disabled={locked(key)}
        aria-describedby={locked(key) ? `o-${key}-locked` : undefined}
        onInput={(event) => setDraft({ ...draft, [key]: event.currentTarget.value })}
      />,
    );
  const area = (key: SettingKey, rows: number) =>
    field(
      key,
      <textarea
        id={`o-${key}`}
        name={key}
        rows={rows}
        value={draft[key]}
        disabled={locked(key)}
        spellcheck={false}
        aria-describedby={locked(key) ? `o-${key}-locked` : undefined}
        onInput={(event) => setDraft({ ...draft, [key]: event.currentTarget.value })}
      />,
    );

  return (
    <main lang={locale}>
      <h1>{uiText(locale, "optionsTitle")}</h1>
      <HostAccess locale={locale} origins={effective.settings.ehrOrigins} />
      <DcdInUse locale={locale} revision={effective} />
      <OutboxHealth locale={locale} revision={effective} />
      <form onSubmit={save}>
        {text("workerUrl", "url")}
        {text("apiToken", "password")}
        {text("authorGroup")}
        {text("author", "email")}
        {text("dcd")}
        {field(
          "language",
          <select
            id="o-language"
            name="language"
            value={draft.language}
            disabled={locked("language")}
            onChange={(event) => setDraft({ ...draft, language: event.currentTarget.value })}
          >
            <option value="auto">{uiText(locale, "languageAuto")}</option>
            <option value="fr">Français</option>
            <option value="nl">Nederlands</option>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>,
        )}
        {area("ehrOrigins", 3)}
        {area("profiles", 8)}
        {text("draftRetentionDays", "number")}
        <button type="submit">{uiText(locale, "saveOptions")}</button>
        <p role="status" class={message?.kind === "error" ? "error" : "ok"}>
          {message?.text ?? ""}
        </p>
      </form>
    </main>
  );
}
