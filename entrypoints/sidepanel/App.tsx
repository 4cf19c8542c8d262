import { useCallback } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { DatabaseGate } from '../../components/DatabaseGate';
import { ErrorBoundary } from '../../components/ErrorBoundary';
import { usePageStatus, useTabId } from '../../components/hooks/useActiveTab';
import { useNavRequests, type NavRequest } from '../../components/hooks/useNavRequests';
import { openExtensionPage } from '../../components/hooks/useOpenTab';
import { readPageSelection, savePageSelection } from '../../components/hooks/usePageSelection';
import { SavedView } from '../../components/views/SavedView';
import { PanelShell } from '../../components/PanelShell';
import { ArticleReaderView } from '../../components/views/ArticleReaderView';
import { ArticlesView } from '../../components/views/ArticlesView';
import { EntityView } from '../../components/views/EntityView';
import { SearchView } from '../../components/views/SearchView';
import { SettingsView } from '../../components/views/SettingsView';
import { ThisPageView } from '../../components/views/ThisPageView';

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

export function App() {
  const [location, navigate] = useHashLocation();
  const tabId = useTabId();
  const status = usePageStatus(tabId);
  useNavRequests(
    tabId,
    useCallback(
      (r: NavRequest) => {
        if (r.entity) navigate(`/entity/${r.entity}`);
        else if (r.query !== undefined) navigate(`/search/${encodeURIComponent(r.query)}`);
      },
      [navigate],
    ),
  );
  const openEntity = (id: string) => navigate(`/entity/${id}`);
  const openArticle = (id: string, entity?: string) => navigate(`/article/${id}${entity ? `/${entity}` : ''}`);
  const site = status.kind === 'report' ? hostOf(status.report.url) : null;
  return (
    <Router hook={useHashLocation}>
      <PanelShell
        location={location}
        navigate={navigate}
        readSelection={tabId === null ? undefined : () => readPageSelection(tabId)}
        saveSelection={tabId === null ? undefined : () => savePageSelection(tabId)}
      >
        <DatabaseGate>
          <ErrorBoundary key={location} what="Could not read the corpus database">
            <Switch>
              <Route path="/">
                <ThisPageView status={status} onOpenEntity={openEntity} onOpenSaved={() => navigate('/saved')} />
              </Route>
              <Route path="/entity/:id">
                {(p) => <EntityView id={p.id} onOpenArticle={openArticle} onOpenWide={(id) => openExtensionPage(`/compare.html#/entity/${id}`)} />}
              </Route>
              <Route path="/articles">
                <ArticlesView onOpen={(id) => openArticle(id)} />
              </Route>
              <Route path="/article/:id/:entity?">{(p) => <ArticleReaderView id={p.id} focus={p.entity} />}</Route>
              <Route path="/search/:q?">{(p) => <SearchView query={decodeURIComponent(p.q ?? '')} onOpenEntity={openEntity} onOpenArticle={openArticle} />}</Route>
              <Route path="/saved">
                <SavedView onOpenEntity={openEntity} onOpenArticle={(id) => openArticle(id)} />
              </Route>
              <Route path="/settings">
                <SettingsView site={site} />
              </Route>
              <Route>
                <p role="status">Nothing here.</p>
              </Route>
            </Switch>
          </ErrorBoundary>
        </DatabaseGate>
      </PanelShell>
    </Router>
  );
}
