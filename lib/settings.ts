/** Reader settings, kept in extension storage (never in the page's origin). */
export interface Settings {
  /** Marks on all sites. */
  enabled: boolean;
  /** Host names where marking is switched off. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [] };
export const SETTINGS_KEY = 'settings';

export function readSettings(stored: unknown): Settings {
  const s = (stored ?? {}) as Partial<Settings>;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(s.disabledSites) ? s.disabledSites.filter((x): x is string => typeof x === 'string') : [],
  };
}

export function markingAllowed(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}
