/** The person's language: chosen and remembered, else the login's (MitID: Danish), else the browser's. */
import { useApolloClient } from '@apollo/client/react';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { LANGS, type Lang } from './texts.js';

const STORAGE_KEY = 'portal.language';

function stored(): Lang | null {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : null;
}

function fromBrowser(): Lang {
  for (const tag of navigator.languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'no') return 'nb';
    if ((LANGS as readonly string[]).includes(primary ?? '')) return primary as Lang;
  }
  return 'nb';
}

/** The language requests are made in (read by the graph client on every request). */
let current: Lang = stored() ?? fromBrowser();
export const currentLang = (): Lang => current;

interface LanguageState {
  lang: Lang;
  /** The person chose: remembered on this device. */
  choose: (lang: Lang) => void;
  /** The login tells which country the person logs in from; a choice made earlier wins. */
  followLogin: (provider: 'IDPORTEN' | 'MITID') => void;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [lang, setLang] = useState<Lang>(current);
  const apply = useCallback(
    (next: Lang) => {
      if (next === current) return;
      current = next;
      document.documentElement.lang = next;
      setLang(next);
      // Everything the graph said was in the old language: ask again.
      void client.resetStore();
    },
    [client],
  );
  const state = useMemo<LanguageState>(
    () => ({
      lang,
      choose: (next) => {
        window.localStorage.setItem(STORAGE_KEY, next);
        apply(next);
      },
      followLogin: (provider) => {
        if (!stored()) apply(provider === 'MITID' ? 'da' : 'nb');
      },
    }),
    [lang, apply],
  );
  document.documentElement.lang = lang;
  return <LanguageContext.Provider value={state}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}
