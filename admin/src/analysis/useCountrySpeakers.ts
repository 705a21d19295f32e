import { useMemo } from 'react';
import { useGetList } from 'react-admin';
import type { Actor } from '../types';
import type { CountrySpeakers } from './statementLinks';

/** The most actors a country's points can name in the list's speaker filter (the API's limit of values per filter). */
const MOST = 1000;

/**
 * The actors of the given countries, by country: the statement list filters by speaker, not by
 * country, so a country's point opens as "any of its actors". Undefined until loaded, or when
 * there are more than the list's filter takes.
 */
export function useCountrySpeakers(countries: string[], enabled: boolean): CountrySpeakers | undefined {
  const { data, total } = useGetList<Actor>(
    'actors',
    { filter: { country: countries }, pagination: { page: 1, perPage: MOST }, sort: { field: 'id', order: 'ASC' } },
    { enabled: enabled && countries.length > 0 },
  );
  return useMemo(() => {
    if (!data || total === undefined || total > MOST) return undefined;
    const byCountry: CountrySpeakers = new Map(countries.map((country) => [country, []]));
    for (const actor of data) if (actor.country) byCountry.get(actor.country)?.push(actor.id);
    return byCountry;
  }, [data, total, countries]);
}
