// urql with its default (document) cache, against a real server on the sample data. Every number a query shows is
// compared with the same query sent with plain fetch: no client, no cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, cacheExchange, fetchExchange, gql } from '@urql/core';
import { print } from 'graphql';
import * as lib from './lib.mjs';
import { URL, counted, largestFlowId, plain, withoutTypename } from './lib.mjs';

const newClient = () => new Client({ url: URL, exchanges: [cacheExchange, fetchExchange] });

const assertSameAsPlain = (query, data, variables) => lib.assertSameAsPlain(print(query), data, variables);

const ALIASES = gql(lib.ALIASES);
const BY_STREAM = gql(lib.BY_STREAM);

test('cache-first (the default) answers a repeated query from the cache, with its own numbers', async () => {
  const client = newClient();
  const query = gql`query UrqlViewers { sessions(orderBy: [{count: DESC}, {stream: ASC}]) { stream isp count } }`;
  const first = await counted(() => client.query(query, {}).toPromise());
  assert.equal(first.sent.length, 1);
  await assertSameAsPlain(query, first.value.data);
  const again = await counted(() => client.query(query, {}).toPromise());
  assert.deepEqual(again.sent, [], 'answered from the cache');
  await assertSameAsPlain(query, again.value.data);
});

test('aliases in one query, then another query on the same root field: each shows its own numbers', async () => {
  const client = newClient();
  await assertSameAsPlain(ALIASES, (await client.query(ALIASES, {}).toPromise()).data);
  const later = await client.query(BY_STREAM, {}).toPromise();
  await assertSameAsPlain(BY_STREAM, later.data);
  assert.equal(later.data.sessions.find((r) => r.stream === 1).count, 100000);
});

test('two live queries on one root field with other dimensions never show each other\'s numbers', async () => {
  const client = newClient();
  const queries = { byStream: gql`{ sessions { stream count } }`, byIsp: gql`{ sessions { isp count } }` };
  const seen = { byStream: [], byIsp: [] };
  const subscriptions = Object.entries(queries).map(([name, query]) =>
    client.query(query, {}).subscribe((result) => { if (result.data) seen[name].push(result.data); }));
  for (let i = 0; i < 200 && (seen.byStream.length === 0 || seen.byIsp.length === 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await client.query(gql`{ sessions { browser count } }`, {}).toPromise();
  await client.query(queries.byIsp, {}, { requestPolicy: 'network-only' }).toPromise();
  await new Promise((resolve) => setTimeout(resolve, 200));
  subscriptions.forEach((s) => s.unsubscribe());
  for (const [name, query] of Object.entries(queries)) {
    assert.ok(seen[name].length >= 1, `${name} showed data`);
    for (const data of seen[name]) await assertSameAsPlain(query, data);
  }
});

test('one failing root field leaves the others their data, the error in graphQLErrors', async () => {
  const query = gql`{ ok: sessions { browser count } bad: traffic(timezone: "Nowhere/X") { bytes } }`;
  const { data, error } = await newClient().query(query, {}).toPromise();
  assert.deepEqual(error.graphQLErrors.map((e) => [e.path, e.extensions.code]), [[['bad'], 'INVALID_TIMEZONE']]);
  assert.equal(data.bad, null);
  assert.deepEqual(withoutTypename(data.ok), (await plain(print(query))).data.ok);
});

test('64-bit identifiers reach JavaScript exactly, and filtering with the value sent finds its row', async () => {
  const largest = largestFlowId();
  const client = newClient();
  const top = await client.query(gql`{ traffic(orderBy: [{flowId: DESC}], limit: 1) { flowId } }`, {}).toPromise();
  assert.equal(top.data.traffic[0].flowId, largest.toString());
  const byId = gql`query($id: ID!) { traffic(where: {flowId: {eq: $id}}) { flowId count } }`;
  const found = await client.query(byId, { id: top.data.traffic[0].flowId }).toPromise();
  assert.equal(found.data.traffic.length, 1);
  await assertSameAsPlain(byId, found.data, { id: largest.toString() });
});
