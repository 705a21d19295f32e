import { DateInput, required, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { InputRow } from '../common/FormSection';
import { SOURCE_KINDS } from '../types';

export const SOURCE_KIND_CHOICES = SOURCE_KINDS.map((kind) => ({ id: kind, name: kind }));

/** The inputs of a source, shared by its own form and the "new source" dialog. */
export const SourceFields = ({ full = true }: { full?: boolean }) => (
  <>
    <TextInput source="title" validate={required()} helperText={false} />
    <InputRow>
      <TextInput source="publisher" helperText="The Mainichi, TASS, MOFA Japan…" />
      <SelectInput source="kind" choices={SOURCE_KIND_CHOICES} validate={required()} helperText={false} />
    </InputRow>
    <TextInput source="url" type="url" label="URL" helperText="http(s) address of the source" />
    <InputRow>
      <DateInput source="publishedOn" helperText={false} />
      <TextInput source="language" helperText="BCP 47: en, ja, ru…" />
      <TextInput source="translatedFrom" helperText="If this text is itself a translation: the language of its original (BCP 47)" />
    </InputRow>
    {full && (
      <>
        <InputRow>
          <DateInput source="accessedOn" helperText={false} />
          <TextInput source="archiveUrl" type="url" helperText="A web archive copy (web.archive.org, archive.today)" />
        </InputRow>
        <TextArrayInput source="authors" helperText="Enter after each name" />
      </>
    )}
  </>
);
