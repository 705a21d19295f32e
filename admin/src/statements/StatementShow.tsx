import ReplyIcon from '@mui/icons-material/Reply';
import { Box, Card, CardContent, Chip, Divider, Link as MuiLink, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  CreateButton,
  EditButton,
  ReferenceArrayField,
  ReferenceField,
  ReferenceManyField,
  Show,
  SingleFieldList,
  ChipField,
  TopToolbar,
  useListContext,
  useGetOne,
  useRecordContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ActorNameField } from '../common/ActorName';
import { RecordShowTabs } from '../history/RecordShowTabs';
import { StanceChipField } from '../common/StanceChip';
import type { Source, Statement } from '../types';
import { DateCertainty } from './DateCertainty';
import { OpenTimelineButton } from './OpenTimelineButton';
import { ReviewChip, TypeStatusChips } from './StatementChips';
import { StatementSources } from './StatementSources';
import { RecordPageBox, useRecordLoadOptions } from '../common/RecordPage';

const Part = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box component="section" aria-label={title} sx={{ mt: 3 }}>
    <Typography variant="overline" component="h2" color="text.secondary" sx={{ fontWeight: 700, letterSpacing: '0.1em' }}>
      {title}
    </Typography>
    {children}
  </Box>
);

const StatementLink = ({ statement }: { statement: Statement }) => (
  <MuiLink component={Link} to={`/statements/${statement.id}/show`}>
    <Box component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {statement.displayDate}
    </Box>
    {' — '}
    {statement.headline}
  </MuiLink>
);

const LinkedStatement = () => {
  const statement = useRecordContext<Statement>();
  return statement ? <StatementLink statement={statement} /> : null;
};

const Replies = () => {
  const { data, isPending } = useListContext<Statement>();
  if (isPending) return null;
  if (!data?.length) return <Typography color="text.secondary">No recorded replies.</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 3 }}>
      {data.map((reply) => (
        <li key={reply.id}>
          <StatementLink statement={reply} />
        </li>
      ))}
    </Box>
  );
};

/**
 * What "Record a reply" starts from: a reply to this statement, on the same topics, citing the
 * same sources with their roles and locators (a reply is usually reported by the same article).
 * The excerpt is left empty: the passage that supports the reply is another one.
 */
const replyTo = (statement: Statement): Partial<Statement> => ({
  respondsToId: statement.id,
  topicIds: statement.topicIds,
  sourceIds: statement.sourceIds,
  sources: statement.sources.map(({ sourceId, role, locator }) => ({ sourceId, role, locator, excerpt: null })),
});

const ShowActions = () => {
  const record = useRecordContext<Statement>();
  return (
    <TopToolbar>
      {record && <OpenTimelineButton filter={{ speakerId: [record.speakerId] }} />}
      {record && <CreateButton label="Record a reply" icon={<ReplyIcon />} state={{ record: replyTo(record) }} />}
      <EditButton />
    </TopToolbar>
  );
};

const QUOTE_KIND_LABELS: Record<NonNullable<Statement['quoteKind']>, string> = {
  verbatim: 'verbatim',
  translation: 'translation',
  paraphrase: 'paraphrase',
};

/** "according to people familiar with Russian thinking", whether or not the curator typed the "according to". */
const attributionText = (attribution: string) => (/^according to\b/i.test(attribution) ? attribution : `according to ${attribution}`);

const quoteSx = {
  m: 0,
  pl: 2,
  py: 0.5,
  borderLeft: 4,
  borderColor: 'primary.light',
  whiteSpace: 'pre-wrap',
  fontSize: '1.05rem',
  lineHeight: 1.6,
} as const;

/**
 * The quote, in quotation marks only when it is the speaker's words (verbatim or translated): a
 * paraphrase, or a quote of a kind not said yet, is shown without them. The original wording
 * beside it.
 */
const QuotePart = ({ record }: { record: Statement }) => {
  const quoted = record.quoteKind === 'verbatim' || record.quoteKind === 'translation';
  const paraphrase = record.quoteKind === 'paraphrase';
  return (
    <Part title={paraphrase ? 'Paraphrase' : 'Quote'}>
      <Box
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: record.quoteOriginal && record.quote ? '1fr 1fr' : '1fr' }, gap: 2 }}
      >
        {record.quote && (
          <Box>
            <Box
              component={quoted ? 'blockquote' : 'div'}
              lang={record.quoteLanguage ?? undefined}
              data-testid="statement-quote"
              data-quote-kind={record.quoteKind ?? 'unset'}
              sx={paraphrase ? { ...quoteSx, borderColor: 'divider', fontStyle: 'italic' } : quoteSx}
            >
              {quoted ? `“${record.quote}”` : record.quote}
            </Box>
            <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
              <Chip
                size="small"
                color={quoted ? 'primary' : 'default'}
                variant={record.quoteKind ? 'filled' : 'outlined'}
                label={record.quoteKind ? QUOTE_KIND_LABELS[record.quoteKind] : 'kind not said yet'}
                data-testid="quote-kind"
              />
              {record.quoteLanguage && <Chip size="small" label={`language: ${record.quoteLanguage}`} />}
            </Stack>
          </Box>
        )}
        {record.quoteOriginal && (
          <Box data-testid="statement-quote-original">
            <Typography variant="caption" color="text.secondary" component="p">
              Original wording
            </Typography>
            <Box component="blockquote" lang={record.quoteOriginalLanguage ?? undefined} sx={{ ...quoteSx, borderColor: 'divider' }}>
              {record.quoteOriginal}
            </Box>
            {record.quoteOriginalLanguage && <Chip size="small" label={`language: ${record.quoteOriginalLanguage}`} sx={{ mt: 1 }} />}
          </Box>
        )}
      </Box>
    </Part>
  );
};

/** "According to <source>: …", the source's reading, set apart from the curator's summary. */
const Interpretation = ({ record }: { record: Statement }) => {
  const { data: source } = useGetOne<Source>(
    'sources',
    { id: record.interpretationSourceId ?? 0 },
    { enabled: record.interpretationSourceId != null },
  );
  const name = source
    ? source.publisher || source.title
    : record.interpretationSourceId != null
      ? `source ${record.interpretationSourceId}`
      : 'the source';
  return (
    <Box
      data-testid="statement-interpretation"
      sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover', borderLeft: 4, borderColor: 'secondary.light' }}
    >
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>
        <Box component="span" sx={{ fontWeight: 600 }} title={source?.title}>
          According to {name}:
        </Box>{' '}
        {record.interpretation}
      </Typography>
    </Box>
  );
};

/** A statement as a record card: what was said, by whom, when, where, from which sources, in which exchange. */
const StatementCard = () => {
  const record = useRecordContext<Statement>();
  if (!record) return null;
  return (
    <Card>
      <CardContent sx={{ maxWidth: 860 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="h6" component="p" sx={{ fontVariantNumeric: 'tabular-nums' }} title={`EDTF: ${record.date}`}>
            {record.displayDate}
          </Typography>
          <DateCertainty date={record.date} />
          {record.dateInferred && (
            <Chip
              size="small"
              variant="outlined"
              color="warning"
              label="date inferred"
              title="Date inferred from context: the source does not state it (see the notes)"
            />
          )}
          <TypeStatusChips type={record.type} status={record.status} />
          <ReviewChip reviewStatus={record.reviewStatus} />
          <ReferenceField source="stanceId" reference="stances" link={false} empty={<span />}>
            <StanceChipField />
          </ReferenceField>
        </Stack>
        <Typography variant="h5" component="h1" sx={{ mt: 1 }}>
          {record.headline}
        </Typography>
        <Typography component="div" sx={{ mt: 1 }}>
          <ReferenceField source="speakerId" reference="actors" link="show">
            <ActorNameField inline />
          </ReferenceField>
          {record.speakerTitle && (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              , {record.speakerTitle}
            </Box>
          )}
        </Typography>
        {record.participantIds.length > 0 && (
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1, flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary">
              With
            </Typography>
            <ReferenceArrayField source="participantIds" reference="actors">
              <SingleFieldList linkType="show">
                <ChipField source="name" size="small" />
              </SingleFieldList>
            </ReferenceArrayField>
          </Box>
        )}

        {(record.quote || record.quoteOriginal) && <QuotePart record={record} />}
        {record.attribution && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="statement-attribution">
            — {attributionText(record.attribution)}
          </Typography>
        )}
        {record.summary && (
          <Part title="Summary">
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{record.summary}</Typography>
          </Part>
        )}
        {record.interpretation && (
          <Part title="What the source says">
            <Interpretation record={record} />
          </Part>
        )}
        {record.topicIds.length > 0 && (
          <Part title="Topics">
            <ReferenceArrayField source="topicIds" reference="topics">
              <SingleFieldList linkType="show">
                <ChipField source="name" size="small" variant="outlined" />
              </SingleFieldList>
            </ReferenceArrayField>
          </Part>
        )}
        {(record.venue || record.location) && (
          <Part title="Where">
            <Typography>{[record.venue, record.location].filter(Boolean).join(', ')}</Typography>
          </Part>
        )}
        <Part title="Sources">
          <StatementSources ids={record.sourceIds} citations={record.sources} />
        </Part>
        <Part title="In reply to">
          {record.respondsToId ? (
            <ReferenceField source="respondsToId" reference="statements" link={false}>
              <LinkedStatement />
            </ReferenceField>
          ) : (
            <Typography color="text.secondary">Not recorded as a reply.</Typography>
          )}
        </Part>
        <Part title="Replies">
          <ReferenceManyField reference="statements" target="respondsToId" sort={{ field: 'date', order: 'ASC' }} perPage={100}>
            <Replies />
          </ReferenceManyField>
        </Part>
        {record.notes && (
          <Part title="Curator's notes">
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{record.notes}</Typography>
          </Part>
        )}
        <Divider sx={{ mt: 3, mb: 1 }} />
        <Typography variant="caption" color="text.secondary" component="p">
          EDTF {record.date} ({record.dateStart === record.dateEnd ? record.dateStart : `${record.dateStart} to ${record.dateEnd}`}) · entry{' '}
          {record.id}
          {record.key && <> · key: {record.key}</>}
          {record.dateInferred && <> · dateInferred: true</>}
        </Typography>
      </CardContent>
    </Card>
  );
};

export const StatementShow = () => (
  <Show actions={<ShowActions />} component={RecordPageBox} queryOptions={useRecordLoadOptions()}>
    <RecordShowTabs>
      <StatementCard />
    </RecordShowTabs>
  </Show>
);

export default StatementShow;
