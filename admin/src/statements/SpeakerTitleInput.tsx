import { Button } from '@mui/material';
import { TextInput, useGetOne } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Actor } from '../types';

/**
 * The speaker's role at the time. Offers the speaker's current title with one click rather than
 * copying it silently: titles change, and the record should say what was true then.
 */
export const SpeakerTitleInput = () => {
  const speakerId = useWatch({ name: 'speakerId' }) as number | null | undefined;
  const title = useWatch({ name: 'speakerTitle' }) as string | null | undefined;
  const { setValue } = useFormContext();
  const { data: speaker } = useGetOne<Actor>('actors', { id: speakerId ?? 0 }, { enabled: Boolean(speakerId) });
  const suggestion = speaker?.title && speaker.title !== title ? speaker.title : undefined;
  return (
    <TextInput
      source="speakerTitle"
      helperText={
        suggestion ? (
          <Button
            size="small"
            sx={{ p: 0, minWidth: 0, textTransform: 'none' }}
            onClick={() => setValue('speakerTitle', suggestion, { shouldDirty: true })}
          >
            Use “{suggestion}”
          </Button>
        ) : (
          'The role at the time of the statement'
        )
      }
    />
  );
};
