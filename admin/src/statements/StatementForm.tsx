import { Box, Checkbox, FormControlLabel, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  FieldTitle,
  maxLength,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useGetMany,
  useInput,
  useRecordContext,
  useSaveContext,
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
  sources: [],
  dateInferred: false,
  quoteKind: null,
};

type Citation = Statement['sources'][number];

export const QUOTE_KIND_CHOICES = [
  { id: 'verbatim', name: 'Verbatim: the words as the source prints them' },
  { id: 'translation', name: "Translation: the source's translation of the words" },
  { id: 'paraphrase', name: 'Paraphrase: a rendering, never in quotation marks' },
];

export const CITATION_ROLE_CHOICES = [
  { id: 'primary', name: 'primary (transcript, press release, interview)' },
  { id: 'reporting', name: 'reporting (a news report of it)' },
  { id: 'commentary', name: 'commentary (analysis, opinion)' },
];

/** The citations aligned with the chosen sources: the details of kept sources kept, new ones blank. */
export const citationsFor = (sourceIds: number[] | undefined, sources: Citation[] | undefined): Citation[] =>
  (sourceIds ?? []).map(
    (sourceId) => sources?.find((citation) => citation.sourceId === sourceId) ?? { sourceId, role: null, locator: null, excerpt: null },
  );

const sameCitations = (a: Citation[], b: Citation[]) =>
  a.length === b.length &&
  a.every((citation, i) =>
    ['sourceId', 'role', 'locator', 'excerpt'].every((k) => citation[k as keyof Citation] === b[i][k as keyof Citation]),
  );

/**
 * What a save sends: `sources` follows `sourceIds` (the picker), so that the server never sees
 * the two name different records.
 */
export const transformStatement = (data: Partial<Statement>) =>
  data.sourceIds ? { ...data, sources: citationsFor(data.sourceIds, data.sources) } : data;

/** A checkbox for a true/false field ("Date inferred from context"). */
const CheckboxInput = ({ source, helperText }: { source: string; helperText?: string }) => {
  const { field } = useInput({ source, type: 'checkbox', defaultValue: false });
  return (
    <Box>
      <FormControlLabel
        control={<Checkbox {...field} checked={!!field.value} onChange={(event) => field.onChange(event.target.checked)} />}
        label={<FieldTitle source={source} resource="statements" />}
      />
      {helperText && (
        <Typography variant="caption" component="p" color="text.secondary" sx={{ mt: -0.5, mb: 1 }}>
          {helperText}
        </Typography>
      )}
    </Box>
  );
};

/**
 * The details of each cited source (role, locator, excerpt), one row per source picked above and
 * in its order: rows follow the picker, keeping what was typed for the sources that stay.
 */
const CitationDetails = () => {
  const { getValues, setValue } = useFormContext();
  const sourceIds = useWatch({ name: 'sourceIds' }) as number[] | undefined;
  useEffect(() => {
    const current = (getValues('sources') ?? []) as Citation[];
    const aligned = citationsFor(sourceIds, current);
    if (!sameCitations(current, aligned)) setValue('sources', aligned, { shouldDirty: true });
  }, [sourceIds, getValues, setValue]);
  return (
    <Box component="fieldset" name="sources" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <ArrayInput source="sources" helperText="One row per source above: its role, where in it, and the passage that supports the entry">
        <SimpleFormIterator disableAdd disableRemove disableReordering disableClear getItemLabel={(index) => `${index + 1}.`}>
          <ReferenceField source="sourceId" reference="sources" link={false}>
            <SourceTitle />
          </ReferenceField>
          <InputRow>
            <SelectInput source="role" choices={CITATION_ROLE_CHOICES} emptyText="Not said yet" helperText={false} />
            <TextInput source="locator" validate={maxLength(200)} helperText="Page, paragraph, time code" />
          </InputRow>
          <TextInput source="excerpt" multiline minRows={2} validate={maxLength(2000)} helperText="The exact passage" />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
};

const SourceTitle = () => {
  const source = useRecordContext<Source>();
  return source ? <Typography sx={{ fontWeight: 500 }}>{sourceOptionText(source)}</Typography> : null;
};

/** Whose reading the interpretation is: one of the sources the statement cites. */
const InterpretationSourceInput = () => {
  const sourceIds = (useWatch({ name: 'sourceIds' }) ?? []) as number[];
  const { data } = useGetMany<Source>('sources', { ids: sourceIds }, { enabled: sourceIds.length > 0 });
  const choices = sourceIds.map((id) => data?.find((source) => source.id === id) ?? { id, title: `Source ${id}` });
  return (
    <SelectInput
      source="interpretationSourceId"
      choices={choices}
      optionText={(source: Source) => sourceOptionText(source)}
      emptyText="—"
      helperText={sourceIds.length === 1 ? 'The only source cited (filled in on save)' : 'Among the sources cited above'}
    />
  );
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
  const { save } = useSaveContext();
  return (
    <SimpleForm
      // As the default submit (the save of the Create or Edit around), with sources aligned to sourceIds.
      onSubmit={(values: Partial<Statement>) => save?.(transformStatement(values))}
      defaultValues={STATEMENT_DEFAULTS}
      warnWhenUnsavedChanges
      resetOptions={KEEP_TYPED_VALUES}
      sx={{ maxWidth: 900 }}
    >
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
        <CheckboxInput source="dateInferred" helperText="Not stated by the source: say in the notes how you inferred it" />
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
        <RadioButtonGroupInput
          source="quoteKind"
          choices={[...QUOTE_KIND_CHOICES, { id: '', name: 'Not said yet' }]}
          helperText="What the quote is: only verbatim words and translations are shown in quotation marks"
        />
        <InputRow>
          <Box>
            <TextInput source="quote" multiline minRows={3} helperText="As the source prints it" />
            <TextInput source="quoteLanguage" helperText="Language of the quote: en, ja, ru…" />
          </Box>
          <Box>
            <TextInput source="quoteOriginal" multiline minRows={3} helperText="The words as said, when the quote is a translation" />
            <TextInput source="quoteOriginalLanguage" helperText="Language of the original: ru, ja…" />
          </Box>
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
        <CitationDetails />
      </FormSection>

      <FormSection title="What the source says">
        <TextInput
          source="attribution"
          validate={maxLength(300)}
          helperText="Whom the source credits with the account, e.g. “according to people familiar with Russian thinking”"
        />
        <TextInput source="interpretation" multiline minRows={2} helperText="The source's reading of the statement, never the speaker's" />
        <InterpretationSourceInput />
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
