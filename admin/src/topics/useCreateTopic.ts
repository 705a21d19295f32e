import { HttpError, useCreate, useNotify } from 'react-admin';
import type { Topic } from '../types';

/**
 * For an autocomplete's `onCreate`: a topic needs only its name, so typing one and choosing
 * "Add topic" creates it at once. A refusal (a name already taken) is shown, nothing is selected.
 */
export function useCreateTopic() {
  const [create] = useCreate<Topic>();
  const notify = useNotify();
  return async (typed?: string): Promise<Topic | undefined> => {
    const name = typed?.trim();
    if (!name) return undefined;
    try {
      const created = await create('topics', { data: { name } }, { returnPromise: true });
      return created ? created : undefined;
    } catch (error) {
      const reason = error instanceof HttpError ? (error.body?.errors?.name ?? error.message) : String(error);
      notify(`Topic "${name}" was not created: ${reason}`, { type: 'error' });
      return undefined;
    }
  };
}
