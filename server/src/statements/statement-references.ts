import { EntityManager } from 'typeorm';
import { badRequest, FieldErrors } from '../common/errors/api-errors';

export interface StatementReferences {
  speakerId?: number;
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
export async function checkStatementReferences(
  manager: EntityManager,
  refs: StatementReferences,
  statementId?: number,
): Promise<void> {
  const actorIds = [...(refs.speakerId ? [refs.speakerId] : []), ...(refs.participantIds ?? [])];
  const [found] = await manager.query(
    `SELECT ARRAY(SELECT id FROM actors WHERE id = ANY($1)) AS actors,
            ARRAY(SELECT id FROM stances WHERE id = ANY($2)) AS stances,
            ARRAY(SELECT id FROM topics WHERE id = ANY($3)) AS topics,
            ARRAY(SELECT id FROM sources WHERE id = ANY($4)) AS sources,
            ARRAY(SELECT id FROM statements WHERE id = ANY($5)) AS statements`,
    [actorIds, refs.stanceId ? [refs.stanceId] : [], refs.topicIds ?? [], refs.sourceIds ?? [], refs.respondsToId ? [refs.respondsToId] : []],
  );
  const missing = (wanted: number[] | undefined, existing: number[]) => (wanted ?? []).filter((id) => !existing.includes(id));
  const errors: FieldErrors = {};

  if (refs.speakerId && missing([refs.speakerId], found.actors).length) errors.speakerId = `actor ${refs.speakerId} does not exist`;
  const participants = missing(refs.participantIds, found.actors);
  if (participants.length) errors.participantIds = plural(participants, 'actor', 'actors');
  else if (refs.speakerId && refs.participantIds?.includes(refs.speakerId)) {
    errors.participantIds = `must not include the speaker (actor ${refs.speakerId})`;
  }
  if (refs.stanceId && missing([refs.stanceId], found.stances).length) errors.stanceId = `stance ${refs.stanceId} does not exist`;
  const topics = missing(refs.topicIds, found.topics);
  if (topics.length) errors.topicIds = plural(topics, 'topic', 'topics');
  const sources = missing(refs.sourceIds, found.sources);
  if (sources.length) errors.sourceIds = plural(sources, 'source', 'sources');

  if (refs.respondsToId) {
    if (refs.respondsToId === statementId) errors.respondsToId = 'a statement cannot respond to itself';
    else if (missing([refs.respondsToId], found.statements).length) {
      errors.respondsToId = `statement ${refs.respondsToId} does not exist`;
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
