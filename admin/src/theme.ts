import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/*
 * No web font is downloaded: the system's fonts, with Noto (Latin, Cyrillic, CJK) and the usual
 * Japanese system fonts named so that Russian and Japanese text render in a face that has them.
 * Elements holding Japanese text also carry lang="ja", which picks Japanese glyph shapes.
 */
const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Noto Sans"',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans CJK JP"',
  '"Hiragino Sans"',
  '"Yu Gothic UI"',
  'Meiryo',
  'sans-serif',
].join(', ');

const shared = (base: RaThemeOptions): RaThemeOptions => ({
  ...base,
  typography: { ...base.typography, fontFamily: FONT_STACK },
  sidebar: { width: 200, closedWidth: 50 },
});

export const lightTheme: RaThemeOptions = {
  ...shared(defaultLightTheme),
  palette: { ...defaultLightTheme.palette, primary: { main: '#283593' }, secondary: { main: '#00695c' } },
};

export const darkTheme: RaThemeOptions = {
  ...shared(defaultDarkTheme),
  palette: { ...defaultDarkTheme.palette, primary: { main: '#9fa8da' }, secondary: { main: '#80cbc4' } },
};
