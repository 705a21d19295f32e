import { useEffect, useState } from 'react';
import { required, SelectInput } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { ACTOR_KINDS } from '../types';
import { guessActorKind } from './guessActorKind';

export const ACTOR_KIND_CHOICES = ACTOR_KINDS.map((kind) => ({ id: kind, name: kind }));

/**
 * The actor's kind. For a new actor (`guess`), it follows a guess from the names as they are
 * typed ("Government of Russia": organization) and says so under the input, so that the user
 * sees it and can change it; once the user has chosen, the choice stays.
 */
export const ActorKindInput = ({ guess = false }: { guess?: boolean }) => {
  const { setValue } = useFormContext();
  const [name, nativeName] = useWatch({ name: ['name', 'nativeName'] }) as [string | undefined, string | undefined];
  const [chosen, setChosen] = useState(false);
  const guessed = guessActorKind(name, nativeName);
  const following = guess && !chosen;

  useEffect(() => {
    if (following) setValue('kind', guessed.kind, { shouldDirty: true });
  }, [following, guessed.kind, setValue]);

  const helperText = !guess
    ? false
    : chosen
      ? 'As you chose'
      : guessed.because
        ? `Guessed from “${guessed.because}” in the name: check, or change it`
        : 'Guessed: no word such as Government, Ministry or Party in the name. Check, or change it';
  return (
    <SelectInput
      source="kind"
      choices={ACTOR_KIND_CHOICES}
      validate={required()}
      helperText={helperText}
      onChange={() => setChosen(true)}
    />
  );
};
