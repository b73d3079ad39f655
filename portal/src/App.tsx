import type { ReactNode } from 'react';
import { Layout } from './layout.js';
import { AccessLog } from './pages/AccessLog.js';
import { CasePage } from './pages/CasePage.js';
import { Consents } from './pages/Consents.js';
import { Dashboard } from './pages/Dashboard.js';
import { LawyerOverview } from './pages/LawyerOverview.js';
import { Notifications } from './pages/Notifications.js';
import { caseIdOf, PATHS, usePath } from './router.js';

const PAGES: Record<string, () => ReactNode> = {
  [PATHS.overview]: () => <LawyerOverview />,
  [PATHS.notifications]: () => <Notifications />,
  [PATHS.consents]: () => <Consents />,
  [PATHS.accessLog]: () => <AccessLog />,
};

export function App() {
  const path = usePath();
  const caseId = caseIdOf(path);
  const page = caseId ? <CasePage key={caseId} id={caseId} /> : (PAGES[path]?.() ?? <Dashboard />);
  return <Layout>{page}</Layout>;
}
