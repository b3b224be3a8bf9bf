/**
 * Firefox's policies.json for the extension: its settings as managed storage
 * (3rdparty.Extensions), its internal UUID pinned, and, when given, a forced install.
 *
 * Firefox draws the internal UUID at random per profile, and it is the host of the
 * extension's origin (moz-extension://<uuid>), which the worker checks against
 * ALLOWED_ORIGINS. Pinned by policy (the pref extensions.webextensions.uuids, locked), the
 * origin is the same on every workstation, so the worker can list it.
 */
export function firefoxPolicies(
  ids: { geckoId: string; geckoUuid: string },
  settings: Record<string, unknown>,
  install?: { url: string },
): { policies: Record<string, unknown> } {
  return {
    policies: {
      ...(install
        ? {
            ExtensionSettings: {
              [ids.geckoId]: { installation_mode: "force_installed", install_url: install.url },
            },
          }
        : {}),
      Preferences: {
        "extensions.webextensions.uuids": {
          Value: JSON.stringify({ [ids.geckoId]: ids.geckoUuid }),
          Status: "locked",
        },
      },
      "3rdparty": { Extensions: { [ids.geckoId]: settings } },
    },
  };
}
