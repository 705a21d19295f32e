import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Actor } from '../types';
import { languageOfCountry } from './language';

/** "Sergey Lavrov" with "Сергей Лавров" under it, each in its own language. */
export const ActorName = ({ actor, inline = false }: { actor: Pick<Actor, 'name' | 'nativeName' | 'country'>; inline?: boolean }) => {
  const native = actor.nativeName && actor.nativeName !== actor.name ? actor.nativeName : null;
  if (inline) {
    return (
      <span>
        {actor.name}
        {native && (
          <>
            {' '}
            <Box component="span" lang={languageOfCountry(actor.country)} sx={{ color: 'text.secondary' }}>
              ({native})
            </Box>
          </>
        )}
      </span>
    );
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.25 }}>
      <span>{actor.name}</span>
      {native && (
        <Typography component="span" variant="caption" color="text.secondary" lang={languageOfCountry(actor.country)}>
          {native}
        </Typography>
      )}
    </Box>
  );
};

/** For a ReferenceField to actors. */
export const ActorNameField = ({ inline }: { inline?: boolean }) => {
  const actor = useRecordContext<Actor>();
  return actor ? <ActorName actor={actor} inline={inline} /> : null;
};

/** How an actor reads in a menu of choices: name and native name, searchable by both. */
export const actorOptionText = (actor: Actor | undefined) =>
  actor ? (actor.nativeName && actor.nativeName !== actor.name ? `${actor.name} (${actor.nativeName})` : actor.name) : '';
