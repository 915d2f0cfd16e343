// graphql-http's server audit (the GraphQL over HTTP spec's MUSTs and SHOULDs) against the real server: every check ok.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAudits } from 'graphql-http';
import { URL } from './lib.mjs';

const audits = serverAudits({ url: URL });

test(`graphql-http's ${audits.length} server audits all pass`, async () => {
  assert.ok(audits.length >= 50, `audits: ${audits.length}`);
  const failed = [];
  for (const audit of audits) {
    const result = await audit.fn();
    if (result.status !== 'ok') failed.push(`${audit.id} ${audit.name}: ${result.status} ${result.reason ?? ''}`);
  }
  assert.deepEqual(failed, []);
});
