/**
 * Firefox's policies.json for the extension: its settings as managed storage
 * (3rdparty.Extensions) and, when given, a forced install.
 */
export function firefoxPolicies(
  geckoId: string,
  settings: Record<string, unknown>,
  install?: { url: string },
): { policies: Record<string, unknown> } {
  return {
    policies: {
      ...(install
        ? {
            ExtensionSettings: {
              [geckoId]: { installation_mode: "force_installed", install_url: install.url },
            },
          }
        : {}),
      "3rdparty": { Extensions: { [geckoId]: settings } },
    },
  };
}
