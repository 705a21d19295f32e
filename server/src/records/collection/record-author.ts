import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** Whom a change is attributed to: created by, updated by, the revision's author. */
export interface RecordAuthor {
  id: number;
  /** The import making the change, if one is: its revisions are tagged with it, and it can undo them. */
  importId?: number;
}

const AUTHOR = Symbol('chronicle.recordAuthor');
type Attributed = { [AUTHOR]?: RecordAuthor };

/**
 * Said by the authentication in front of the engine once it knows who is calling: the
 * engine attributes the request's writes to `author`, and treats a request without one as
 * an anonymous reader's.
 */
export function attributeRequestTo(request: object, author: RecordAuthor): void {
  (request as Attributed)[AUTHOR] = author;
}

/** Who is calling, or undefined for an anonymous reader. */
export const requestAuthor = (request: object): RecordAuthor | undefined => (request as Attributed)[AUTHOR];

/** The author of a write: routes that write are never open to anonymous callers. */
export const CurrentAuthor = createParamDecorator((_: unknown, context: ExecutionContext): RecordAuthor => {
  const author = requestAuthor(context.switchToHttp().getRequest<object>());
  if (!author) throw new Error('CurrentAuthor used on a route that lets anonymous callers in');
  return author;
});

const PUBLISHED_ONLY = Symbol('chronicle.publishedOnly');
type Limited = { [PUBLISHED_ONLY]?: true };

/**
 * Said by the authentication for an anonymous reader of a server that publishes only what
 * its team has verified (PUBLIC_READ=verified): every read of the request shows published
 * records only (a collection's `published` declaration says which).
 */
export function limitRequestToPublished(request: object): void {
  (request as Limited)[PUBLISHED_ONLY] = true;
}

/** Whether the request may see published records only (an anonymous reader under PUBLIC_READ=verified). */
export const requestSeesPublishedOnly = (request: object): boolean => (request as Limited)[PUBLISHED_ONLY] === true;
