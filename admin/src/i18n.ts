import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

/**
 * The UI is in English. Resource and field names here give every column, input and page title
 * its label in one place; `allowMissing` lets components pass plain English labels through.
 */
const messages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    // Deleting from a list or a form moves the record to the trash, from where an admin can
    // restore it; only the Trash page deletes for good, with its own words.
    action: { ...englishMessages.ra.action, delete: 'Move to trash' },
    message: {
      ...englishMessages.ra.message,
      delete_title: 'Move %{name} %{recordRepresentation} to the trash?',
      delete_content: 'It disappears from lists, the timeline and exports. An admin can restore it from the trash.',
      bulk_delete_title: 'Move %{name} to the trash? |||| Move %{smart_count} %{name} to the trash?',
      bulk_delete_content:
        'It disappears from lists, the timeline and exports. An admin can restore it from the trash. |||| They disappear from lists, the timeline and exports. An admin can restore them from the trash.',
    },
    notification: {
      ...englishMessages.ra.notification,
      created: 'Created',
      updated: 'Saved |||| %{smart_count} saved',
      deleted: 'Moved to the trash |||| %{smart_count} moved to the trash',
      logged_out: 'Your session has ended. Please sign in again.',
    },
  },
  resources: {
    statements: {
      name: 'Statement |||| Statements',
      fields: {
        key: 'Key',
        date: 'Date',
        dateStart: 'Earliest day',
        dateEnd: 'Latest day',
        displayDate: 'Date',
        dateInferred: 'Date inferred from context',
        type: 'Type',
        status: 'Status',
        headline: 'Headline',
        quote: 'Quote',
        quoteLanguage: 'Quote language',
        quoteKind: 'Quote kind',
        quoteOriginal: 'Original wording',
        quoteOriginalLanguage: 'Original language',
        attribution: 'Attribution',
        interpretation: 'Interpretation',
        interpretationSourceId: 'Interpretation by',
        summary: 'Summary',
        speakerId: 'Speaker',
        speakerTitle: "Speaker's title",
        participantIds: 'Participants',
        stanceId: 'Stance',
        topicIds: 'Topics',
        sourceIds: 'Sources',
        sources: 'Citations',
        'sources.sourceId': 'Source',
        'sources.role': 'Role',
        'sources.locator': 'Where in the source',
        'sources.excerpt': 'Excerpt',
        respondsToId: 'Responds to',
        venue: 'Venue',
        location: 'Location',
        reviewStatus: 'Review',
        notes: 'Notes (internal)',
        createdAt: 'Created',
        updatedAt: 'Updated',
        q: 'Search',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        displayName: 'Name',
        email: 'Email',
        role: 'Role',
        active: 'Active',
        lastLoginAt: 'Last signed in',
        mustChangePassword: 'Must choose a password',
        oneTimePasswordExpiresAt: 'One-time password expires',
        q: 'Search',
      },
    },
    // Personal API tokens: no page of their own, but entries in the activity feed (for admins).
    tokens: { name: 'API token |||| API tokens', fields: { name: 'Name', scope: 'Scope', expiresAt: 'Expires' } },
    revisions: { name: 'Activity |||| Activity' },
    imports: {
      name: 'Import |||| Imports',
      fields: {
        startedAt: 'When',
        user: 'Who',
        fileName: 'File',
        format: 'Format',
        status: 'Status',
        counts: 'Rows',
        options: 'Options',
        totalRows: 'Rows in the file',
      },
    },
    snapshots: {
      name: 'Snapshot |||| Snapshots',
      fields: {
        title: 'Title',
        note: 'Note',
        query: 'Query',
        queryWords: 'Query',
        count: 'Statements',
        sha256: 'SHA-256',
        createdAt: 'Created',
        createdBy: 'Created by',
        q: 'Search',
      },
    },
    trash: { name: 'Trash |||| Trash', fields: { resource: 'Kind' } },
    actors: {
      name: 'Actor |||| Actors',
      fields: {
        name: 'Name',
        nativeName: 'Native name',
        kind: 'Kind',
        country: 'Country',
        title: 'Title',
        aliases: 'Aliases',
        wikidataId: 'Wikidata id',
        description: 'Description',
        q: 'Search',
      },
    },
    sources: {
      name: 'Source |||| Sources',
      fields: {
        title: 'Title',
        publisher: 'Publisher',
        url: 'URL',
        archiveUrl: 'Archived copy',
        authors: 'Authors',
        publishedOn: 'Published',
        accessedOn: 'Accessed',
        language: 'Language',
        translatedFrom: 'Translated from',
        kind: 'Kind',
        q: 'Search',
      },
    },
    topics: { name: 'Topic |||| Topics', fields: { name: 'Name', description: 'Description', q: 'Search' } },
    stances: {
      name: 'Stance |||| Stances',
      fields: { name: 'Name', score: 'Score', color: 'Colour', description: 'Description', q: 'Search' },
    },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
