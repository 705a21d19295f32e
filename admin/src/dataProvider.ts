import jsonServerProvider from 'ra-data-json-server';

/** Chronicle's API speaks ra-data-json-server's protocol on the same origin, under /api. */
export const API_URL = '/api';

export const dataProvider = jsonServerProvider(API_URL);
