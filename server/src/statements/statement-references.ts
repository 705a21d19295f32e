import { EntityManager } from 'typeorm';
import { badRequest, FieldErrors } from '../kernel/errors/api-errors';

export interface StatementReferences {
  speakerId?: number | null;
  participantIds?: number[];
  stanceId?: number | null;
  topicIds?: number[];
  sourceIds?: number[];
  respondsToId?: number | null;
}

const plural = (ids: number[], one: string, many: string) =>
  ids.length === 1 ? `${one} ${ids[0]} does not exist` : `${many} ${ids.join(', ')} do not exist`;

/**
 * Refuses, with a 400 per field, references to records that do not exist, a speaker
 * repeated among the participants, and a reply chain that would loop back on itself.
 * (The foreign keys still guard against a record deleted after this check.)
 */
export async function checkStatementReferences(manager: EntityManager, refs: StatementReferences, statementId?: number): Promise<void> {
  const actorIds = [...(refs.speakerId ? [refs.speakerId] : []), ...(refs.participantIds ?? [])];
  const live = (table: string, n: number) => `ARRAY(SELECT id FROM ${table} WHERE id = ANY($${n}) AND deleted_at IS NULL)`;
  const trashed = (table: string, n: number) => `ARRAY(SELECT id FROM ${table} WHERE id = ANY($${n}) AND deleted_at IS NOT NULL)`;
  const [found] = await manager.query(
    `SELECT ${live('actors', 1)} AS actors, ${trashed('actors', 1)} AS trashed_actors,
            ${live('stances', 2)} AS stances, ${trashed('stances', 2)} AS trashed_stances,
            ${live('topics', 3)} AS topics, ${trashed('topics', 3)} AS trashed_topics,
            ${live('sources', 4)} AS sources, ${trashed('sources', 4)} AS trashed_sources,
            ${live('statements', 5)} AS statements, ${trashed('statements', 5)} AS trashed_statements`,
    [
      actorIds,
      refs.stanceId ? [refs.stanceId] : [],
      refs.topicIds ?? [],
      refs.sourceIds ?? [],
      refs.respondsToId ? [refs.respondsToId] : [],
    ],
  );
  const errors: FieldErrors = Object.create(null);
  /** "actor 3 does not exist", "topics 4, 5 are in the trash", or nothing when all are live. */
  const problem = (wanted: number[] | undefined, kind: 'actors' | 'stances' | 'topics' | 'sources' | 'statements') => {
    const missing = (wanted ?? []).filter((id) => !found[kind].includes(id));
    if (!missing.length) return undefined;
    const inTrash = missing.filter((id) => found[`trashed_${kind}`].includes(id));
    const gone = missing.filter((id) => !inTrash.includes(id));
    const one = kind.slice(0, -1);
    const parts = [];
    if (gone.length) parts.push(plural(gone, one, kind));
    if (inTrash.length)
      parts.push(inTrash.length === 1 ? `${one} ${inTrash[0]} is in the trash` : `${kind} ${inTrash.join(', ')} are in the trash`);
    return parts.join('; ');
  };

  const speaker = refs.speakerId ? problem([refs.speakerId], 'actors') : undefined;
  if (speaker) errors.speakerId = speaker;
  const participants = problem(refs.participantIds, 'actors');
  if (participants) errors.participantIds = participants;
  else if (refs.speakerId && refs.participantIds?.includes(refs.speakerId)) {
    errors.participantIds = `must not include the speaker (actor ${refs.speakerId})`;
  }
  const stance = refs.stanceId ? problem([refs.stanceId], 'stances') : undefined;
  if (stance) errors.stanceId = stance;
  const topics = problem(refs.topicIds, 'topics');
  if (topics) errors.topicIds = topics;
  const sources = problem(refs.sourceIds, 'sources');
  if (sources) errors.sourceIds = sources;

  if (refs.respondsToId) {
    if (refs.respondsToId === statementId) errors.respondsToId = 'a statement cannot respond to itself';
    else if (problem([refs.respondsToId], 'statements')) {
      errors.respondsToId = problem([refs.respondsToId], 'statements')!;
    } else if (statementId) {
      const loop = await replyLoop(manager, refs.respondsToId, statementId);
      if (loop) errors.respondsToId = `would make a reply loop: ${[statementId, ...loop].join(' → ')}`;
    }
  }
  if (Object.keys(errors).length) throw badRequest(errors);
}

/** The chain from `start` up its respondsTo links when it reaches `statementId`, else undefined. */
async function replyLoop(manager: EntityManager, start: number, statementId: number): Promise<number[] | undefined> {
  const rows: { id: number }[] = await manager.query(
    `WITH RECURSIVE chain(id, responds_to_id, depth) AS (
       SELECT id, responds_to_id, 1 FROM statements WHERE id = $1
       UNION ALL
       SELECT s.id, s.responds_to_id, c.depth + 1 FROM statements s JOIN chain c ON s.id = c.responds_to_id
       WHERE c.id <> $2 AND c.depth < 10000
     )
     SELECT id FROM chain ORDER BY depth`,
    [start, statementId],
  );
  const ids = rows.map((r) => r.id);
  return ids.includes(statementId) ? ids : undefined;
}
