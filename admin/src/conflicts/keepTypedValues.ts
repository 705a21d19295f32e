/**
 * For edit forms: when react-admin reloads the record under an open form (the app bar's
 * refresh), fields the user has changed keep what was typed; only the others take the reloaded
 * values. (react-admin's default resets the whole form.) The conflict banner then tells the
 * user the record changed, since the save still states the version the edits were based on.
 */
// keepIsSubmitSuccessful: the record in react-admin's cache is also replaced by the server's
// answer to a successful save; resetting "submitted successfully" then would make the form's
// unsaved-changes guard block the redirect that follows the save.
export const KEEP_TYPED_VALUES = { keepDirtyValues: true, keepIsSubmitSuccessful: true } as const;
