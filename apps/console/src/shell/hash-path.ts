import { useEffect, useState } from 'react';

function current(): string {
  return window.location.hash.replace(/^#/, '').split('?')[0] || '/';
}

/** The page's hash path ("#/inbox" → "/inbox"), following back/forward and links. */
export function useHashPath(): string {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const follow = () => setPath(current());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return path;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
