// The two update manifests a static host serves next to the packages.

/** Chrome's gupdate response: Chrome asks update.xml and installs the codebase's CRX. */
export function createUpdateXml(app: { id: string; version: string; codebase: string }): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlAttribute(app.id)}'>`,
    `    <updatecheck codebase='${xmlAttribute(app.codebase)}' version='${xmlAttribute(app.version)}' />`,
    "  </app>",
    "</gupdate>",
    "",
  ].join("\n");
}

/** Firefox's update manifest, read from the add-on's browser_specific_settings.gecko.update_url. */
export function createFirefoxUpdates(addon: {
  geckoId: string;
  version: string;
  updateLink: string;
}): string {
  const updates = {
    addons: {
      [addon.geckoId]: { updates: [{ version: addon.version, update_link: addon.updateLink }] },
    },
  };
  return `${JSON.stringify(updates, null, 2)}\n`;
}

function xmlAttribute(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("'", "&apos;").replaceAll("<", "&lt;");
}
