import { useSettings } from '../hooks/useSettings';

/** Marks on all sites, and per site. */
export function SettingsView({ site }: { site: string | null }) {
  const [settings, save] = useSettings();
  if (!settings) return <p role="status">Loading…</p>;
  const siteOff = site !== null && settings.disabledSites.includes(site);
  return (
    <section aria-labelledby="settings-heading" className="settings">
      <h2 id="settings-heading">Settings</h2>
      <label className="toggle">
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void save({ ...settings, enabled: e.target.checked })} />
        Mark names on news pages
      </label>
      {site && (
        <label className="toggle">
          <input
            type="checkbox"
            checked={!siteOff}
            disabled={!settings.enabled}
            onChange={(e) =>
              void save({
                ...settings,
                disabledSites: e.target.checked ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site],
              })
            }
          />
          Mark names on {site}
        </label>
      )}
      {settings.disabledSites.length > 0 && (
        <>
          <h3>Sites without marks</h3>
          <ul className="site-list">
            {settings.disabledSites.map((s) => (
              <li key={s}>
                {s}{' '}
                <button type="button" className="small-button" onClick={() => void save({ ...settings, disabledSites: settings.disabledSites.filter((x) => x !== s) })}>
                  Mark again
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">Crossframe keeps everything in this browser and makes no network request. The side panel still lists what a page names when marks are off.</p>
    </section>
  );
}
