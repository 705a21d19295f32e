import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev` sends /api: a Chronicle server started with `npm start` (port 3000 by default). */
const apiTarget = process.env.CHRONICLE_API ?? 'http://localhost:3000';

/** Matches modules of the named npm packages (`@scope/*` for a whole scope). */
const packages = (...names: string[]) => {
  const alternatives = names.map((name) => name.replace('/', '[\\\\/]').replace('*', '[^\\\\/]+')).join('|');
  return new RegExp(`[\\\\/]node_modules[\\\\/](${alternatives})[\\\\/]`);
};

/**
 * Libraries change less often than our code: in chunks of their own they stay cached across
 * deploys and download in parallel. @mui/lab is left out so that only the timeline page loads it.
 */
const vendorChunks = [
  { name: 'react', test: packages('react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom', 'cookie', 'set-cookie-parser') },
  {
    name: 'mui',
    test: packages(
      '@mui/material',
      '@mui/system',
      '@mui/utils',
      '@mui/base',
      '@mui/styled-engine',
      '@mui/private-theming',
      '@mui/core-downloads-tracker',
      '@mui/icons-material',
      '@emotion/*',
      '@popperjs/core',
      'react-transition-group',
      'stylis',
    ),
  },
  {
    name: 'react-admin',
    test: packages(
      'react-admin',
      'ra-core',
      'ra-ui-materialui',
      'ra-i18n-polyglot',
      'ra-language-english',
      'ra-data-json-server',
      '@tanstack/*',
      'react-hook-form',
      'lodash',
      'query-string',
      'node-polyglot',
      'inflection',
      'date-fns',
      'jsonexport',
    ),
  },
];

export default defineConfig({
  plugins: [react()],
  base: '/',
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorChunks },
      },
    },
  },
});
