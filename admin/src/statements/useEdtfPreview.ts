import { useEffect, useState } from 'react';
import { API_URL, authorizedFetch } from '../auth/httpClient';

/** An EDTF form the server offers for a date written in words ("before 2019-01" → `../2019-01`, "by January 2019"). */
export interface EdtfSuggestion {
  date: string;
  displayDate: string;
}

export type EdtfPreview =
  | { kind: 'empty' }
  | { kind: 'valid'; displayDate: string; dateStart: string; dateEnd: string }
  | { kind: 'invalid'; reason: string; suggestions: EdtfSuggestion[] }
  | { kind: 'unavailable' };

interface Checked {
  text: string;
  preview: EdtfPreview;
}

const DEBOUNCE_MS = 300;
/** Answers do not change for a given text: ask the server once per text and page load. */
const answers = new Map<string, EdtfPreview>();

/** What the server suggests for text that is not EDTF (GET /api/edtf/suggestions); none when it cannot say. */
async function suggestionsFor(text: string, signal: AbortSignal): Promise<EdtfSuggestion[]> {
  const response = await authorizedFetch(`${API_URL}/edtf/suggestions?${new URLSearchParams({ text })}`, { signal });
  if (!response.ok) return [];
  const body = (await response.json()) as { suggestions: EdtfSuggestion[] };
  return body.suggestions.map(({ date, displayDate }) => ({ date, displayDate }));
}

async function askServer(text: string, signal: AbortSignal): Promise<EdtfPreview> {
  const response = await authorizedFetch(`${API_URL}/edtf?${new URLSearchParams({ date: text })}`, { signal });
  if (response.ok) {
    const body = (await response.json()) as { displayDate: string; dateStart: string; dateEnd: string };
    return { kind: 'valid', displayDate: body.displayDate, dateStart: body.dateStart, dateEnd: body.dateEnd };
  }
  if (response.status === 400) {
    const body = (await response.json()) as { errors?: { date?: string }; message?: string };
    const reason = body.errors?.date ?? body.message ?? 'not a valid date';
    // The input's hint already lists the accepted forms; the server repeats examples after the reason.
    return {
      kind: 'invalid',
      reason: reason.replace(/^date /, '').replace(/\s*\(e\.g\. [^)]*\)$/, ''),
      suggestions: await suggestionsFor(text, signal),
    };
  }
  return { kind: 'unavailable' };
}

/**
 * How the server will read an EDTF date (GET /api/edtf), asked while the user types, after a
 * pause; for text it would refuse, the EDTF forms it suggests. `pending` is true while the
 * shown answer is for an earlier text.
 */
export function useEdtfPreview(value: unknown): { preview: EdtfPreview; pending: boolean } {
  // Sent as typed (spaces included): the preview must judge exactly what will be saved.
  const text = typeof value === 'string' && value.trim() ? value : '';
  const [checked, setChecked] = useState<Checked>({ text: '', preview: { kind: 'empty' } });

  useEffect(() => {
    if (!text) return;
    const known = answers.get(text);
    if (known) {
      setChecked({ text, preview: known });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      askServer(text, controller.signal).then(
        (preview) => {
          if (preview.kind !== 'unavailable') answers.set(text, preview);
          setChecked({ text, preview });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) {
            console.warn('EDTF preview failed', error);
            setChecked({ text, preview: { kind: 'unavailable' } });
          }
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  if (!text) return { preview: { kind: 'empty' }, pending: false };
  return { preview: checked.preview, pending: checked.text !== text };
}
