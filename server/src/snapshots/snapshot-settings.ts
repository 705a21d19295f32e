/** The instance's public address (PUBLIC_URL), for the permanent addresses in citations; the request's own when unset. */
export interface SnapshotSettings {
  publicUrl?: string;
}

export const SNAPSHOT_SETTINGS = Symbol('SNAPSHOT_SETTINGS');
