/**
 * For edit forms: when react-admin reloads the record under an open form (the app bar's
 * refresh), fields the user has changed keep what was typed; only the others take the reloaded
 * values. (react-admin's default resets the whole form.) The conflict banner then tells the
 * user the record changed, since the save still states the version the edits were based on.
 */
export const KEEP_TYPED_VALUES = { keepDirtyValues: true } as const;
