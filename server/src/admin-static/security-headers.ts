import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Defence in depth for a page that displays quoted text from anywhere: only our own scripts
 * run, nothing may frame the admin, and nothing is loaded from elsewhere. Emotion (MUI's
 * styling) and Swagger UI insert <style> elements at run time, hence 'unsafe-inline' for
 * styles only.
 */
export const CONTENT_SECURITY_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** helmet's headers on every response, API and admin alike, with Chronicle's CSP. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_DIRECTIVES },
    // The admin is served over plain HTTP on a laptop; HSTS belongs to the TLS-terminating proxy.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
  });
}
