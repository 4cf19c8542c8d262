import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import '../../components/styles/base.css';
import { DatabaseGate } from '../../components/DatabaseGate';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { CompareView } from '../../components/views/CompareView';

function Compare() {
  return (
    <Router hook={useHashLocation}>
      <main className="compare-page">
        <DatabaseGate>
          <ErrorBoundary what="Could not read the corpus database">
            <Switch>
              <Route path="/entity/:id">{(p) => <CompareView id={p.id} />}</Route>
              <Route>
                <p role="status">Open the wide view from an entity in the side panel.</p>
              </Route>
            </Switch>
          </ErrorBoundary>
        </DatabaseGate>
      </main>
    </Router>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Compare />
  </StrictMode>,
);
