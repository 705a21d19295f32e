import {
  AutocompleteArrayInput,
  AutocompleteInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { actorOptionText } from '../common/ActorName';
import { FormSection, InputRow } from '../common/FormSection';
import { CreateActorDialog } from '../actors/CreateActorDialog';
import { CreateSourceDialog } from '../sources/CreateSourceDialog';
import { useCreateTopic } from '../topics/useCreateTopic';
import type { Source, Stance, Statement } from '../types';
import { EdtfDateInput } from './EdtfDateInput';
import { SpeakerTitleInput } from './SpeakerTitleInput';
import { REVIEW_CHOICES, STATUS_CHOICES, TYPE_CHOICES, statementOptionText } from './statementChoices';
import { ColorDot } from '../common/StanceChip';
import { EditConflictBanner } from '../conflicts/EditConflictBanner';
import { KEEP_TYPED_VALUES } from '../conflicts/keepTypedValues';

export const STATEMENT_DEFAULTS: Partial<Statement> = {
  type: 'statement',
  status: 'occurred',
  reviewStatus: 'draft',
  participantIds: [],
  topicIds: [],
  sourceIds: [],
};

const sourceOptionText = (source: Source | undefined) =>
  source ? [source.title, source.publisher, source.publishedOn].filter(Boolean).join(' · ') : '';

const StanceOption = () => {
  const stance = useRecordContext<Stance>();
  if (!stance) return null;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <ColorDot color={stance.color} />
      {stance.name} ({stance.score > 0 ? '+' : ''}
      {stance.score})
    </span>
  );
};

/** An actor reference searched by name, native name and alias (the API's q), creatable in place. */
const actorAutocompleteProps = {
  optionText: actorOptionText,
  create: <CreateActorDialog />,
  createItemLabel: 'New actor “%{item}”…',
  createLabel: 'Type a name to search, or to create a new actor',
} as const;

/** The statement form, in the order a curator works: when, who, what, context, sources, review. */
export const StatementForm = () => {
  const createTopic = useCreateTopic();
  const record = useRecordContext<Statement>();
  return (
    <SimpleForm defaultValues={STATEMENT_DEFAULTS} warnWhenUnsavedChanges resetOptions={KEEP_TYPED_VALUES} sx={{ maxWidth: 900 }}>
      <EditConflictBanner />
      <FormSection title="When">
        <InputRow>
          <EdtfDateInput />
          <SelectInput
            source="status"
            choices={STATUS_CHOICES}
            validate={required()}
            helperText="A planned meeting is entered as planned"
          />
        </InputRow>
      </FormSection>

      <FormSection title="Who">
        <InputRow>
          <ReferenceInput source="speakerId" reference="actors" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput {...actorAutocompleteProps} validate={required()} helperText="Who said it (or, for a meeting, its host)" />
          </ReferenceInput>
          <SpeakerTitleInput />
        </InputRow>
        <ReferenceArrayInput source="participantIds" reference="actors" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput {...actorAutocompleteProps} helperText="Counterparts, addressees, others present" />
        </ReferenceArrayInput>
      </FormSection>

      <FormSection title="What">
        <InputRow>
          <SelectInput source="type" choices={TYPE_CHOICES} validate={required()} helperText={false} />
          <ReferenceInput source="stanceId" reference="stances" sort={{ field: 'score', order: 'ASC' }} perPage={100}>
            <SelectInput optionText={<StanceOption />} emptyText="No stance" helperText="How it was said" />
          </ReferenceInput>
        </InputRow>
        <TextInput source="headline" validate={required()} helperText="A short line a reader scans" />
        <TextInput source="quote" multiline minRows={3} helperText="Verbatim, in the language it was said or published in" />
        <InputRow>
          <TextInput source="quoteLanguage" helperText="Language of the quote: en, ja, ru…" />
          <span />
        </InputRow>
        <TextInput source="summary" multiline minRows={2} helperText="In your words, for readers without the original language" />
        <ReferenceArrayInput source="topicIds" reference="topics" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput
            optionText="name"
            onCreate={createTopic}
            createItemLabel="Add topic “%{item}”"
            createLabel="Type to search topics, or to add a new one"
            helperText={false}
          />
        </ReferenceArrayInput>
      </FormSection>

      <FormSection title="Context">
        <InputRow>
          <TextInput source="venue" helperText="e.g. press conference; TV Asahi program" />
          <TextInput source="location" helperText="e.g. Moscow" />
        </InputRow>
        <ReferenceInput source="respondsToId" reference="statements" sort={{ field: 'date', order: 'DESC' }}>
          <AutocompleteInput
            optionText={statementOptionText}
            helperText="The earlier statement this one replies to"
            filterToQuery={(q: string) => ({ q })}
            // A statement cannot reply to itself.
            getOptionDisabled={(choice: Statement) => choice.id === record?.id}
          />
        </ReferenceInput>
      </FormSection>

      <FormSection title="Sources">
        <ReferenceArrayInput source="sourceIds" reference="sources" sort={{ field: 'publishedOn', order: 'DESC' }}>
          <AutocompleteArrayInput
            optionText={sourceOptionText}
            create={<CreateSourceDialog />}
            createItemLabel="New source “%{item}”…"
            createLabel="Type to search titles, publishers, authors, or to add a source"
            helperText="In citation order"
          />
        </ReferenceArrayInput>
      </FormSection>

      <FormSection title="Review">
        <RadioButtonGroupInput source="reviewStatus" choices={REVIEW_CHOICES} helperText="Verified: checked against the sources" />
        <TextInput source="notes" multiline minRows={2} helperText="For curators: doubts, what to check" />
        {/* Bookkeeping like the notes: readers never see it, imports find the entry by it. */}
        <InputRow>
          <TextInput source="key" helperText="Your coding sheet's id for this entry; imports match rows by it" />
          <span />
        </InputRow>
      </FormSection>
    </SimpleForm>
  );
};
