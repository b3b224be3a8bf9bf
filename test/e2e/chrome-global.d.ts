// The extension's `chrome` global, as used inside serviceWorker.evaluate() callbacks of the
// end-to-end tests (they run in the extension, not in Node).
declare const chrome: {
  action: { getBadgeText(details: Record<string, never>): Promise<string> };
  runtime: { getManifest(): { host_permissions?: string[] }; reload(): void };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  storage: {
    local: {
      get(key: string): Promise<Record<string, Record<string, unknown> | undefined>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    managed: { get(keys: null): Promise<Record<string, unknown>> };
    session: { get(key: string): Promise<Record<string, Record<string, unknown> | undefined>> };
  };
};
