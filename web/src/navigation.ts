// Which view the dashboard shows, as a signal, so that a view can lead to another: the "upload your costs file"
// links of the missing products and of the wizard open the imports view at its costs file.
import { signal } from '@preact/signals';

export type View = 'missing' | 'cases' | 'imports';

export const currentView = signal<View>('missing');

/** Counts the requests to show the costs upload; the imports view brings it into view and focus on each. */
export const costsRequested = signal(0);

export function openCostsUpload(): void {
  currentView.value = 'imports';
  costsRequested.value++;
}

/** Where the "upload your costs file" links lead: plain links, so that their address says where they go. */
export const COSTS_HASH = '#costs-upload';

/** Turns the arrival at COSTS_HASH into the imports view at its costs file; returns what stops it. */
export function followCostsLinks(): () => void {
  const onHash = () => {
    if (location.hash !== COSTS_HASH) return;
    // Out of the address again, so that the next click on such a link is a change too.
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    openCostsUpload();
  };
  onHash();
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}
