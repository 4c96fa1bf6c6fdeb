#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml [[hooks]]): puts the Content-Security-Policy into the built
// index.html as a <meta http-equiv> (static hosts have no server to add a header or nonces).
//
// Scripts: 'self' (the wasm-bindgen glue, preloaded module files) + 'wasm-unsafe-eval' (compiling
// the wasm) + the SHA-256 hash of each inline script Trunk wrote (its loader, and with
// `trunk serve` its autoreload client). No 'unsafe-inline' for anything: styles come from the
// stylesheet only; the app sets computed values through the CSSOM (custom properties), which a
// CSP does not restrict.
//
// `trunk serve` fills two placeholders of its autoreload script when it serves the page, which
// would change the script after it was hashed; they are filled here instead, with what Trunk
// would put there for this project (the page's host and folder), so serve.sh runs under the
// same policy.
//
// Run by Trunk with TRUNK_STAGING_DIR set; `node scripts/csp.mjs path/to/index.html` also works
// (idempotent: an existing policy meta is replaced). `node scripts/csp.mjs --print` prints the
// policy without the hashes (for the docs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The policy; `{scripts}` becomes the hashes of the inline scripts. */
export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' {scripts}",
  "style-src 'self'",
  "img-src 'self' data:",
  // ?src= loads worklogs from any https host (and from this origin).
  "connect-src 'self' https:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
];

const META_RE = /<meta\s+http-equiv=["']?Content-Security-Policy["']?[^>]*>/i;
const INLINE_SCRIPT_RE = /<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/gi;

export function hashes(html) {
  const out = [];
  for (const [, , body] of html.matchAll(INLINE_SCRIPT_RE)) {
    if (body.length === 0) continue;
    out.push(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...new Set(out)];
}

/** Trunk serve's address and WebSocket base placeholders, resolved in the page instead. */
export function fillServePlaceholders(html) {
  return html
    .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
    .replace(/(['`])\{\{__TRUNK_WS_BASE__\}\}\1/g, "window.location.pathname.replace(/[^/]*$/, '')");
}

export function withPolicy(html) {
  html = fillServePlaceholders(html).replace(META_RE, '');
  const scripts = hashes(html);
  if (scripts.length === 0) throw new Error('no inline script found: did Trunk change its loader?');
  const policy = POLICY.join('; ').replace('{scripts}', scripts.join(' '));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  // First in <head> (a policy applies to what comes after it), right after the charset.
  const charset = html.match(/<meta\s+charset=[^>]*>/i);
  if (charset) {
    const at = charset.index + charset[0].length;
    const indent = html.slice(0, charset.index).match(/[ \t]*$/)[0];
    return `${html.slice(0, at)}\n${indent}${meta}${html.slice(at)}`;
  }
  const head = html.match(/<head[^>]*>/i);
  if (!head) throw new Error('no <head> in the page');
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  if (process.argv[2] === '--print') {
    console.log(POLICY.join('; ').replace('{scripts}', "'sha256-…'"));
    process.exit(0);
  }
  const file = process.argv[2]
    ?? (process.env.TRUNK_STAGING_DIR && path.join(process.env.TRUNK_STAGING_DIR, 'index.html'));
  if (!file) {
    console.error('usage: node scripts/csp.mjs <index.html> (or run as a Trunk hook)');
    process.exit(2);
  }
  const html = withPolicy(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, html);
  console.log(`csp: ${hashes(html).length} inline script hash(es) in ${path.relative(process.cwd(), file) || file}`);
}
