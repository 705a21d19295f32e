import { INestApplication, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** Vite names files under assets/ by their content hash: a given URL never changes. */
const ASSETS_CACHE = 'public, max-age=31536000, immutable';
/** Other top-level files (favicon) keep their names across builds. */
const ROOT_FILE_CACHE = 'public, max-age=3600';
/** index.html names the current asset hashes, so browsers must revalidate it every time. */
const INDEX_CACHE = 'no-cache';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Chronicle: admin panel not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.5">
<h1>The admin panel has not been built</h1>
<p>Chronicle's API is running, but <code>admin/dist</code> does not exist. Stop the server and run
<code>npm start</code> (which builds the admin when its sources change), or <code>npm run build</code>.</p>
<p>The API is at <a href="/api">/api</a>, its documentation at <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`;

const isPageRequest = (req: Request) => req.method === 'GET' || req.method === 'HEAD';

/**
 * Serves the built admin (a single-page app) next to the API on the same origin: hashed assets
 * with long caching, top-level files as they are, and index.html for every other GET outside
 * the API prefix so that deep links such as /timeline?speakerId=4 open the right page.
 * Registered before Nest's routes; API paths pass through untouched.
 */
export function serveAdmin(app: INestApplication, options: { distDir: string; apiPrefix: string }): void {
  const express = app as NestExpressApplication;
  const logger = new Logger('Admin');
  const indexFile = path.join(options.distDir, 'index.html');
  const isApiPath = (p: string) => p === `/${options.apiPrefix}` || p.startsWith(`/${options.apiPrefix}/`);

  if (!existsSync(indexFile)) {
    logger.warn(`${indexFile} is missing: the admin panel is not served (the API is). Run npm run build.`);
    express.use((req: Request, res: Response, next: NextFunction) => {
      if (!isPageRequest(req) || isApiPath(req.path)) return next();
      res.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
    });
    return;
  }

  const assetsDir = path.join(options.distDir, 'assets');
  express.useStaticAssets(assetsDir, {
    prefix: '/assets',
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (res) => res.setHeader('Cache-Control', ASSETS_CACHE),
  });
  const rootFiles = new Set(
    readdirSync(options.distDir).filter((name) => name !== 'index.html' && statSync(path.join(options.distDir, name)).isFile()),
  );

  express.use((req: Request, res: Response, next: NextFunction) => {
    if (!isPageRequest(req) || isApiPath(req.path)) return next();
    // A hashed asset that is not there is an old or wrong URL, not a page of the app.
    if (req.path.startsWith('/assets/')) return res.status(404).type('text').send('Not found');
    const name = req.path.slice(1);
    if (rootFiles.has(name)) {
      return res.sendFile(path.join(options.distDir, name), { headers: { 'Cache-Control': ROOT_FILE_CACHE } });
    }
    // Security headers (CSP and the rest) come from helmet, for every response.
    res.sendFile(indexFile, { headers: { 'Cache-Control': INDEX_CACHE } });
  });
}
