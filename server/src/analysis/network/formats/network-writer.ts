import { EdgeRow } from '../network-model';

/** A network file: the text before the edges, each edge's text, and the text after them. */
export interface NetworkWriter {
  head: string;
  edge: (edge: EdgeRow) => string;
  tail: string;
}
