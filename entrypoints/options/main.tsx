import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/styles/base.css';
import { SettingsView } from '../../components/views/SettingsView';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <main className="panel-main">
      <h1 className="app-title">Crossframe</h1>
      <SettingsView site={null} />
    </main>
  </StrictMode>,
);
