import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetManyAggregate, useGetRecordRepresentation, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { diffText } from './textDiff';
import { isEmptyValue, referenceOf } from './fields';

/** Removed text: struck through on a red tint. */
export const Removed = ({ children }: { children: ReactNode }) => (
  <Box
    component="del"
    title="removed"
    sx={(theme) => ({
      bgcolor: 'rgba(211, 47, 47, 0.14)',
      color: theme.palette.mode === 'dark' ? 'error.light' : 'error.dark',
      textDecorationThickness: '1px',
      px: 0.25,
      borderRadius: 0.5,
    })}
  >
    {children}
  </Box>
);

/** Added text: highlighted on a green tint. */
export const Added = ({ children }: { children: ReactNode }) => (
  <Box
    component="ins"
    title="added"
    sx={(theme) => ({
      bgcolor: 'rgba(46, 125, 50, 0.16)',
      color: theme.palette.mode === 'dark' ? 'success.light' : 'success.dark',
      textDecoration: 'none',
      px: 0.25,
      borderRadius: 0.5,
    })}
  >
    {children}
  </Box>
);

export const Empty = () => (
  <Box component="span" sx={{ color: 'text.disabled', fontStyle: 'italic' }}>
    empty
  </Box>
);

/** The label of a field as the forms name it ("topicIds" → "Topics"). */
export function useFieldLabel(resource: string) {
  const translate = useTranslate();
  return (field: string) =>
    translate(`resources.${resource}.fields.${field}`, { _: field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() });
}

const asIds = (value: unknown): number[] => (Array.isArray(value) ? value : isEmptyValue(value) ? [] : [value]).map(Number);

type Mark = 'removed' | 'added' | undefined;

/**
 * Records referred to by id, by name (react-admin batches and caches these look-ups); an id
 * whose record is gone (purged) stays an id. Each name links to its record.
 */
export const ReferenceNames = ({ reference, ids, marks = {} }: { reference: string; ids: number[]; marks?: Record<number, Mark> }) => {
  const { data } = useGetManyAggregate(reference, { ids }, { enabled: ids.length > 0 });
  const represent = useGetRecordRepresentation(reference);
  const byId = new Map((data ?? []).map((record: RaRecord) => [Number(record.id), record]));
  if (!ids.length) return <Empty />;
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexWrap: 'wrap', columnGap: 1, rowGap: 0.25 }}>
      {ids.map((id, index) => {
        const record = byId.get(id);
        const name = record ? <Link to={`/${reference}/${id}/show`}>{String(represent(record))}</Link> : `#${id}`;
        const mark = marks[id];
        return (
          <span key={`${id}-${index}`} data-reference-id={id}>
            {mark === 'removed' ? <Removed>{name}</Removed> : mark === 'added' ? <Added>{name}</Added> : name}
            {index < ids.length - 1 && ','}
          </span>
        );
      })}
    </Box>
  );
};

/** One value of a field, as a reader would want it: names for ids, lists joined, empty said so. */
export const FieldValue = ({ resource, field, value }: { resource: string; field: string; value: unknown }) => {
  const reference = referenceOf(resource, field);
  if (isEmptyValue(value)) return <Empty />;
  if (reference) return <ReferenceNames reference={reference} ids={asIds(value)} />;
  if (Array.isArray(value)) return <span>{value.map(String).join(', ')}</span>;
  if (typeof value === 'boolean') return <span>{value ? 'yes' : 'no'}</span>;
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return (
    <Box component="span" sx={{ whiteSpace: 'pre-wrap' }}>
      {String(value)}
    </Box>
  );
};

/** A long text with what was removed struck through and what was added highlighted. */
export const TextDiff = ({ before, after }: { before: string; after: string }) => (
  <Box component="span" sx={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }} data-testid="text-diff">
    {diffText(before, after).map((part, index) =>
      part.kind === 'removed' ? (
        <Removed key={index}>{part.text}</Removed>
      ) : part.kind === 'added' ? (
        <Added key={index}>{part.text}</Added>
      ) : (
        <span key={index}>{part.text}</span>
      ),
    )}
  </Box>
);

/** A list of references or values before and after: what left struck through, what came highlighted. */
export const ListDiff = ({ resource, field, before, after }: { resource: string; field: string; before: unknown; after: unknown }) => {
  const reference = referenceOf(resource, field);
  const old = Array.isArray(before) ? before : [];
  const now = Array.isArray(after) ? after : [];
  const key = (value: unknown) => JSON.stringify(value);
  const oldKeys = new Set(old.map(key));
  const nowKeys = new Set(now.map(key));
  const removed = old.filter((value) => !nowKeys.has(key(value)));
  // Same members, other order (the citation order of sources matters).
  const reordered = removed.length === 0 && old.length === now.length && now.every((value) => oldKeys.has(key(value)));
  const shown = [...now, ...removed];
  const marks = Object.fromEntries(
    shown.map((value) => [value, !nowKeys.has(key(value)) ? 'removed' : !oldKeys.has(key(value)) ? 'added' : undefined]),
  );
  return (
    <span>
      {reference ? (
        <ReferenceNames reference={reference} ids={shown.map(Number)} marks={marks as Record<number, Mark>} />
      ) : shown.length ? (
        shown.map((value, index) => {
          const text = String(value);
          const mark = marks[String(value)];
          return (
            <span key={`${text}-${index}`}>
              {mark === 'removed' ? <Removed>{text}</Removed> : mark === 'added' ? <Added>{text}</Added> : text}
              {index < shown.length - 1 && ', '}
            </span>
          );
        })
      ) : (
        <Empty />
      )}
      {reordered && (
        <Box component="span" sx={{ color: 'text.secondary', ml: 1, fontStyle: 'italic' }}>
          (order changed)
        </Box>
      )}
    </span>
  );
};
