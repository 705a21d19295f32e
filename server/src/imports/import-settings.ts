/** How imports run in this server (IMPORT_BODY_LIMIT, IMPORT_WAIT_MS). */
export interface ImportSettings {
  /** The largest file an import takes, in bytes (default 200 MB): an import's own limit, not the API's 1 MB for JSON bodies. */
  bodyLimitBytes: number;
  /**
   * How long POST /api/imports waits for the import to finish before it answers 202 with the
   * import's id (its progress at GET /api/imports/{id}); 0 answers 202 at once.
   */
  waitMs: number;
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { bodyLimitBytes: 200 * 1024 * 1024, waitMs: 2000 };
export const IMPORT_SETTINGS = Symbol('ImportSettings');

/** The path of the upload route, below the API prefix: its body is the file, never parsed as JSON. */
export const IMPORT_UPLOAD_PATH = 'imports';
