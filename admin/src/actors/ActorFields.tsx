import { required, TextArrayInput, TextInput, regex } from 'react-admin';
import { InputRow } from '../common/FormSection';
import { ActorKindInput } from './ActorKindInput';

export { ACTOR_KIND_CHOICES } from './ActorKindInput';

const isCountryCode = regex(/^[A-Z]{2}$/, 'Two capital letters (ISO 3166-1), such as JP or RU');

/**
 * The inputs of an actor, shared by its own form and the "new actor" dialog. Creating one
 * (`guessKind`), the kind is guessed from the name for the user to confirm.
 */
export const ActorFields = ({ full = true, guessKind = false }: { full?: boolean; guessKind?: boolean }) => (
  <>
    <InputRow>
      <TextInput source="name" validate={required()} helperText="As usually written in English" />
      <TextInput source="nativeName" helperText="In its own script: Сергей Лавров, 河野太郎" />
    </InputRow>
    <InputRow>
      <ActorKindInput guess={guessKind} />
      <TextInput
        source="country"
        validate={isCountryCode}
        parse={(value: string) => (value ? value.toUpperCase() : null)}
        helperText="ISO code: JP, RU, US…"
      />
    </InputRow>
    <TextInput source="title" helperText="Current or best-known role, e.g. Foreign Minister of Russia" />
    {full && (
      <>
        <TextArrayInput source="aliases" helperText="Other spellings and names (Enter after each); searched too" />
        <TextInput source="wikidataId" label="Wikidata id" helperText="Q…, e.g. Q123" />
        <TextInput source="description" multiline minRows={2} helperText={false} />
      </>
    )}
  </>
);
