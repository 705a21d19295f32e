import { useCanAccess, useGetIdentity, useGetMany, useGetResourceLabel, useListContext } from 'react-admin';
import type { ActiveFilter } from '../filters/FilterChips';
import { ACTION_LABELS } from '../history/revisionActions';
import type { AccountUser, Revision, RevisionAction } from '../types';
import { ACCOUNT_RESOURCE_LABELS, isAccountResource } from './accountActivity';
import { dayOf } from './activityDays';

type Filters = Record<string, unknown>;
const listOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];

/**
 * The activity feed's filters in words, one chip per value: "Changed by: me", "Record:
 * Statements", "Action: edited", "From: 2026-11-01". A person is named by the account list (for
 * admins) or by the feed's own entries.
 */
export function useActivityFilterChips(): ActiveFilter[] {
  const { filterValues, displayedFilters, setFilters, data } = useListContext<Revision>();
  const filters: Filters = filterValues ?? {};
  const { identity } = useGetIdentity();
  const getResourceLabel = useGetResourceLabel();
  const { canAccess: canListUsers } = useCanAccess({ resource: 'users', action: 'list' });
  const userIds = listOf(filters.userId).map(Number);
  const { data: users } = useGetMany<AccountUser>('users', { ids: userIds }, { enabled: Boolean(canListUsers) && userIds.length > 0 });
  const userName = (id: number) =>
    id === identity?.id
      ? 'me'
      : (users?.find((user) => user?.id === id)?.displayName ??
        data?.find((revision) => revision.user?.id === id)?.user?.name ??
        'another account');
  const resourceName = (resource: string) =>
    isAccountResource(resource) ? ACCOUNT_RESOURCE_LABELS[resource].many : getResourceLabel(resource, 2);

  const chips: ActiveFilter[] = [];
  const each = (key: string, label: string, word: (value: unknown) => string) => {
    for (const value of listOf(filters[key])) {
      chips.push({
        key: `${key}=${String(value)}`,
        label: `${label}: ${word(value)}`,
        remove: () => {
          const rest = listOf(filters[key]).filter((member) => member !== value);
          const { [key]: _removed, ...others } = filters;
          setFilters(rest.length ? { ...others, [key]: rest } : others, displayedFilters);
        },
      });
    }
  };
  each('importId', 'Import', (id) => `changes of import ${String(id)}`);
  each('userId', 'Changed by', (id) => userName(Number(id)));
  each('resource', 'Record', (resource) => resourceName(String(resource)));
  each('recordId', 'Record number', String);
  each('action', 'Action', (action) => ACTION_LABELS[action as RevisionAction] ?? String(action));
  each('at_gte', 'From', dayOf);
  each('at_lte', 'Until', dayOf);
  return chips;
}
