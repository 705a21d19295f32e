import { grey, red } from '@mui/material/colors';
import { createElement } from 'react';
import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';
import { ListLoadError, ListPagination } from './common/ListLoadError';
import { RecordFormContent } from './common/RecordFormContent';

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

/*
 * What every list and every form does with the server's answers, set once as react-admin's
 * default props rather than on each page:
 * - a list that could not be read says so, "Cannot reach the server" with Retry when no answer
 *   came, instead of showing no rows (and no pagination that counts rows not shown);
 * - a form brings errors where the eye is (RecordFormContent): the first field in error scrolled
 *   to and focused, the notification naming the fields, for errors found before sending as for
 *   those the server sends back — so react-admin's generic "The form is not valid" is off.
 */
const RECORD_PAGES: RaThemeOptions['components'] = {
  RaList: { defaultProps: { error: createElement(ListLoadError), pagination: createElement(ListPagination) } },
  RaSimpleForm: { defaultProps: { component: RecordFormContent, disableInvalidFormNotification: true } },
};

/**
 * A checkbox given an `aria-label` (react-admin's "Select this row") carries it on its frame, a
 * span, where it names nothing: the label is moved to the input, which then has a name.
 */
const checkboxLabelOnInput = {
  MuiCheckbox: {
    defaultProps: {
      slotProps: {
        root: (ownerState: { 'aria-label'?: string }) => (ownerState['aria-label'] ? { 'aria-label': undefined } : {}),
        input: (ownerState: { 'aria-label'?: string; inputProps?: Record<string, unknown> }) =>
          ownerState['aria-label'] && !ownerState.inputProps?.['aria-label']
            ? { ...ownerState.inputProps, 'aria-label': ownerState['aria-label'] }
            : { ...ownerState.inputProps },
      },
    },
  },
};

/**
 * A progress bar or spinner is announced by its name: react-admin's app-bar loader and the ones
 * on pages carry none, so each says "Loading" unless it is given its own name (an import's
 * progress names what it counts).
 */
const progressNamed = {
  MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
  MuiLinearProgress: { defaultProps: { 'aria-label': 'Loading' } },
};

const shared = (base: RaThemeOptions): RaThemeOptions => ({
  ...base,
  typography: { ...base.typography, fontFamily: FONT_STACK },
  sidebar: { width: 200, closedWidth: 50 },
  components: { ...base.components, ...RECORD_PAGES, ...checkboxLabelOnInput, ...progressNamed },
});

/*
 * Warning and info text (chips such as "planned", "moved to the trash", "by (latest day)") in
 * shades dark enough for small text on white and light grey (4.5:1); MUI's defaults are 3:1 and
 * 3.9:1. The form toolbar's grey is react-admin's; its Delete button is a darker red on it.
 */
const lightBase = shared(defaultLightTheme);
export const lightTheme: RaThemeOptions = {
  ...lightBase,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#283593' },
    secondary: { main: '#00695c' },
    warning: { main: '#b04a00' },
    info: { main: '#0270b0' },
  },
  components: {
    ...lightBase.components,
    RaToolbar: {
      styleOverrides: { root: { backgroundColor: grey[300], '& .ra-delete-button': { color: red[900] } } },
    },
  },
};

export const darkTheme: RaThemeOptions = {
  ...shared(defaultDarkTheme),
  palette: { ...defaultDarkTheme.palette, primary: { main: '#9fa8da' }, secondary: { main: '#80cbc4' } },
};
