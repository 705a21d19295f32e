import { useCallback, useMemo, useRef, useState } from 'react';
import { Edit, HttpError, useNotify, useRedirect, useResourceContext, type EditProps, type RaRecord } from 'react-admin';
import { RecordPageCard, useRecordLoadOptions } from '../common/RecordPage';
import { EditConflictContext, type EditConflict, type EditConflictState } from './editConflictContext';

/**
 * An edit page that saves safely next to colleagues editing the same record:
 *
 * - pessimistic: the server's verdict comes before moving on (and field errors show on fields);
 * - every save states the version its edits are based on (`version` in the PUT body), so a
 *   change made meanwhile by someone else is refused (409) instead of overwritten;
 * - a refusal keeps the form as typed and shows who changed the record and when, with the choice
 *   to review, take their version, or continue on top of it (see EditConflictBanner);
 * - if react-admin reloads the record while the form is being edited (the app bar's refresh),
 *   what was typed stays (keepDirtyValues on the form) and the base version does not move silently;
 * - a record that cannot be (re)loaded because the server does not answer is not "not found":
 *   the page stays, with what it holds, and says so (react-admin's default goes back to the list
 *   with "Element does not exist"); a real 404 still does that.
 */
export const ConflictAwareEdit = ({
  children,
  redirect: redirectTo = 'show',
  ...props
}: Omit<EditProps, 'mutationMode' | 'mutationOptions' | 'transform'>) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext(props);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const base = useRef<RaRecord | null>(null);

  const onError = useCallback(
    (error: unknown) => {
      if (error instanceof HttpError && error.status === 409 && error.body?.current) {
        setConflict({ current: error.body.current });
        return;
      }
      // As react-admin does by default: field errors show on their fields, anything else here.
      const fieldErrors = error instanceof HttpError ? error.body?.errors : undefined;
      if (fieldErrors && Object.keys(fieldErrors).length > 0) return;
      notify(error instanceof Error && error.message ? error.message : 'ra.notification.http_error', { type: 'error' });
    },
    [notify],
  );

  // As react-admin does by default, after noting that the form is now based on the saved version
  // (the cache holds it now: that is not someone else's change).
  const onSuccess = useCallback(
    (saved: RaRecord) => {
      base.current = saved;
      notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
      redirect(redirectTo, resource, saved.id, saved);
    },
    [notify, redirect, redirectTo, resource],
  );

  const loadOptions = useRecordLoadOptions();

  const transform = useCallback((data: RaRecord) => (base.current ? { ...data, version: base.current.version } : data), []);

  const state = useMemo<EditConflictState>(() => ({ conflict, report: setConflict, dismiss: () => setConflict(null), base }), [conflict]);

  return (
    <EditConflictContext.Provider value={state}>
      <Edit
        redirect={redirectTo}
        component={RecordPageCard}
        {...props}
        queryOptions={{ ...props.queryOptions, ...loadOptions }}
        mutationMode="pessimistic"
        mutationOptions={{ onSuccess, onError }}
        transform={transform}
      >
        {children}
      </Edit>
    </EditConflictContext.Provider>
  );
};
