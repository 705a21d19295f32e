import { useCallback, useEffect, useRef, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import type { ImportReport } from '../types';
import type { ImportRequest } from './importRequest';
import { refusalOfError, refusalOfReport, runImport, type ImportRefusal } from './importRun';

export type ImportRunState =
  | { phase: 'idle' }
  /** Sent; `progress` once the server has said how far it is. */
  | { phase: 'running'; progress: ImportReport | null }
  /** Done as asked: a dry run's report, or a commit's. */
  | { phase: 'done'; report: ImportReport }
  | { phase: 'refused'; refusal: ImportRefusal };

/**
 * One import at a time, followed to its end: starting another (a dry run with other options)
 * abandons the one under way, so that an older answer never overwrites a newer one.
 */
export function useImportRun() {
  const dataProvider = useDataProvider<ChronicleDataProvider>();
  const [state, setState] = useState<ImportRunState>({ phase: 'idle' });
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback(
    async (file: File, request: ImportRequest) => {
      current.current?.abort();
      const controller = new AbortController();
      current.current = controller;
      const report = (next: ImportRunState) => {
        if (!controller.signal.aborted) setState(next);
        return next;
      };
      report({ phase: 'running', progress: null });
      let end: ImportRunState;
      try {
        const last = await runImport(dataProvider, file, request, (progress) => report({ phase: 'running', progress }), controller.signal);
        const refusal = refusalOfReport(last);
        end = refusal ? { phase: 'refused', refusal } : { phase: 'done', report: last };
      } catch (error) {
        end = { phase: 'refused', refusal: refusalOfError(error) };
      }
      // The end of an abandoned run is nobody's: undefined.
      return controller.signal.aborted ? undefined : report(end);
    },
    [dataProvider],
  );

  const reset = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}
