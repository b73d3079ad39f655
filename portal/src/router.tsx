/** A few pages need no router library: the path in the address bar, and links that change it in place. */
import { Link } from '@digdir/designsystemet-react';
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();
let navigated = false;

/**
 * Whether the person has moved within the portal since it loaded. A page loaded from the address bar keeps
 * the browser's focus (so the skip link comes first); a page reached by a link takes it (see PageHeading).
 */
export const hasNavigated = () => navigated;

export function navigate(to: string): void {
  navigated = true;
  window.history.pushState(null, '', to);
  listeners.forEach((listener) => listener());
  // A new page: start at its top, with focus on its heading (for screen readers and keyboards).
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    const back = () => {
      navigated = true;
      update();
    };
    listeners.add(update);
    window.addEventListener('popstate', back);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', back);
    };
  }, []);
  return path;
}

/** The portal's pages other than a case's (Norwegian paths, as the agencies' own portals have). */
export const PATHS = {
  cases: '/',
  overview: '/oversikt',
  notifications: '/varsler',
  consents: '/samtykker',
  accessLog: '/innsynslogg',
} as const;

export const casePath = (id: string) => `/sak/${encodeURIComponent(id)}`;

/** The case id of a case page's path, or null on another page. */
export function caseIdOf(path: string): string | null {
  const match = /^\/sak\/([^/]+)$/.exec(path);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export function PageLink({ to, children, current }: { to: string; children: ReactNode; current?: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Link href={to} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}
