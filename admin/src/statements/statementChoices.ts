import { REVIEW_STATUSES, STATEMENT_STATUSES, STATEMENT_TYPES, type Statement } from '../types';

export const TYPE_CHOICES = STATEMENT_TYPES.map((type) => ({ id: type, name: type }));
export const STATUS_CHOICES = STATEMENT_STATUSES.map((status) => ({ id: status, name: status }));
export const REVIEW_CHOICES = REVIEW_STATUSES.map((status) => ({ id: status, name: status }));

/** How a statement reads in a menu or a link: "Jan. 9, 2019 — Moscow summons Japan's ambassador". */
export const statementOptionText = (statement: Statement | undefined) =>
  statement ? `${statement.displayDate} — ${statement.headline}` : '';
