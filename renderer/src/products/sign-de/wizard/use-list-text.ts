import { useState } from 'react';
import { splitClientList } from './client-list';

/**
 * The till list as a text the technician types or pastes into, applied as it stands: each change sets the
 * list to its entries. The text itself (a trailing line break, spacing) stays as typed while its entries
 * do not change; a change made elsewhere (one till added, removed, generated, undone) rewrites it.
 */
export function useListText(clients: string[], setClients: (clients: string[]) => void): [string, (text: string) => void] {
  const [view, setView] = useState({ text: clients.join('\n'), clients });
  let shown = view;
  if (view.clients !== clients) {
    shown = { text: clients.join('\n'), clients };
    setView(shown);
  }
  const onText = (text: string) => {
    const entries = splitClientList(text);
    const same = entries.length === clients.length && entries.every((entry, index) => entry === clients[index]);
    const next = same ? clients : entries;
    setView({ text, clients: next });
    if (!same) setClients(next);
  };
  return [shown.text, onText];
}
