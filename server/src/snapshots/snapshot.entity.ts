import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { NETWORK_KINDS, NetworkKind, NetworkTable } from '../analysis/analysis-params';
import { User } from '../users/user.entity';

/** The statement files a snapshot freezes, each byte-identical forever. ndjson is the canonical one: its hash is the snapshot's. */
export const SNAPSHOT_FORMATS = ['ndjson', 'csv', 'json', 'markdown', 'timelinejs'] as const;
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number];

/** A network file a snapshot freezes: each kind as JSON, GraphML, GEXF and two CSV tables. */
export interface SnapshotNetworkFile {
  kind: NetworkKind;
  format: 'json' | 'graphml' | 'gexf' | 'csv';
  /** csv: which of the two tables. */
  table?: NetworkTable;
}

export type SnapshotNetworkFileName =
  `network-${NetworkKind}.${'json' | 'graphml' | 'gexf'}` | `network-${NetworkKind}-${NetworkTable}.csv`;

export const networkFileName = ({ kind, format, table }: SnapshotNetworkFile): SnapshotNetworkFileName =>
  format === 'csv' ? `network-${kind}-${table!}.csv` : `network-${kind}.${format}`;

export const SNAPSHOT_NETWORK_FILES: SnapshotNetworkFile[] = NETWORK_KINDS.flatMap((kind) => [
  { kind, format: 'json' as const },
  { kind, format: 'graphml' as const },
  { kind, format: 'gexf' as const },
  { kind, format: 'csv' as const, table: 'nodes' as const },
  { kind, format: 'csv' as const, table: 'edges' as const },
]);

/** Which frozen file: a statement format, or a network file (`network-replies.graphml`). */
export type SnapshotFileName = SnapshotFormat | SnapshotNetworkFileName;
export const SNAPSHOT_FILE_NAMES: SnapshotFileName[] = [...SNAPSHOT_FORMATS, ...SNAPSHOT_NETWORK_FILES.map(networkFileName)];
/** The longest file name the format column holds (network-actor-congruence-edges.csv is 36). */
export const SNAPSHOT_FILE_NAME_LENGTH = 48;

/**
 * A frozen query of statements: what it asked, who made it, and the hash of what it holds.
 * The id is an identity column that is never reset; a deleted snapshot keeps its row (its
 * files go), so its id is never given again and its address answers 410.
 */
@Entity('snapshots')
export class SnapshotEntity {
  @PrimaryGeneratedColumn('identity', { generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The statement list's query string, normalised (filters, then _sort and _order). */
  @Column({ type: 'text' })
  query: string;

  /** The query in words, as it read when the snapshot was made. */
  @Column({ type: 'text' })
  queryWords: string;

  /** The export columns the snapshot's statements have, in order: its shape, kept whatever columns come later. */
  @Column({ type: 'text', array: true })
  columns: string[];

  @Column({ type: 'integer' })
  count: number;

  /** SHA-256 of the canonical NDJSON, 64 hex digits. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Size of the canonical NDJSON. */
  @Column({ type: 'bigint' })
  bytes: string;

  /**
   * Every statement it holds was published (verified) when it was frozen: anonymous readers of
   * a server that publishes only verified statements (PUBLIC_READ=verified) may read it.
   */
  @Column({ type: 'boolean', default: false })
  verifiedOnly: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy: Relation<User>;

  @Column({ type: 'integer' })
  createdById: number;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => User, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy: Relation<User>;

  @Column({ type: 'integer' })
  updatedById: number;

  /** Title and note edits; the frozen content never changes. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deleted_by_id' })
  deletedBy: Relation<User> | null;

  @Column({ type: 'integer', nullable: true })
  deletedById: number | null;
}

/** One frozen file of a snapshot: its hash and size as served, and what it takes stored. */
@Entity('snapshot_files')
export class SnapshotFileEntity {
  @ManyToOne(() => SnapshotEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id' })
  snapshot: Relation<SnapshotEntity>;

  @PrimaryColumn({ type: 'integer' })
  snapshotId: number;

  /** Which file (SnapshotFileName); a name rather than an enum, so that new files need no change of type. */
  @PrimaryColumn({ type: 'varchar', length: SNAPSHOT_FILE_NAME_LENGTH })
  format: SnapshotFileName;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Size as served. */
  @Column({ type: 'bigint' })
  bytes: string;

  /** Size stored (gzip). */
  @Column({ type: 'bigint' })
  storedBytes: string;
}

/**
 * A file's content, in order: each chunk a complete gzip member of up to about 1 MB of text,
 * so the file streams chunk by chunk, and a part written last (the Markdown header, which names
 * the hash) can still come first.
 */
@Entity('snapshot_chunks')
export class SnapshotChunkEntity {
  @ManyToOne(() => SnapshotFileEntity, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'snapshot_id', referencedColumnName: 'snapshotId' },
    { name: 'format', referencedColumnName: 'format' },
  ])
  file: Relation<SnapshotFileEntity>;

  @PrimaryColumn({ type: 'integer' })
  snapshotId: number;

  /** Which file (SnapshotFileName); a name rather than an enum, so that new files need no change of type. */
  @PrimaryColumn({ type: 'varchar', length: SNAPSHOT_FILE_NAME_LENGTH })
  format: SnapshotFileName;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}
