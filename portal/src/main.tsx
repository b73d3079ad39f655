import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './portal.css';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { createPortalClient } from './graph.js';
import { currentLang, LanguageProvider } from './language.js';

const client = createPortalClient(currentLang);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </ApolloProvider>
  </StrictMode>,
);
