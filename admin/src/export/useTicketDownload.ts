import { useCallback } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import { download } from './download';

/**
 * Starts a browser download of an API file (an export, a snapshot's frozen file): the browser
 * streams it straight to disk, however large. A plain download sends no Authorization header,
 * so a one-use ticket asked just before stands in for the session's token; `urlFor` puts it in
 * the URL. A failure to start is notified as "`what` could not start: …".
 */
export function useTicketDownload(what: string) {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const notify = useNotify();
  return useCallback(
    async (urlFor: (ticket: string) => string, suggestedName?: string) => {
      try {
        const { data } = await dataProvider.createExportTicket();
        download(urlFor(data.ticket), suggestedName);
      } catch (error) {
        notify(`${what} could not start: ${error instanceof Error ? error.message : String(error)}`, { type: 'error' });
      }
    },
    [dataProvider, notify, what],
  );
}
