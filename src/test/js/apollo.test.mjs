// Apollo Client 4, set up as the README says (its qoegraph-apollo.js), against a real server on the sample data. Every
// number a query shows is compared with the same query sent with plain fetch: no client, no cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { print } from 'graphql';
import * as lib from './lib.mjs';
import { URL, counted, largestFlowId, plain, withoutTypename } from './lib.mjs';

const readme = await import(pathToFileURL(`${process.env.QOEGRAPH_README_DIR}/qoegraph-apollo.js`).href);
const readmeClient = () => readme.createClient({ uri: URL, onField: () => {} });
const defaultClient = () => new ApolloClient({ cache: new InMemoryCache(), link: new HttpLink({ uri: URL }) });

const assertSameAsPlain = (query, data, variables) => lib.assertSameAsPlain(print(query), data, variables);

const shape = (sent) => sent.map((r) => `${r.method}${r.hasQuery ? ' with query' : ' hash only'}`);

const ALIASES = gql(lib.ALIASES);
const BY_STREAM = gql(lib.BY_STREAM);

test('cache-first answers a repeated query from the cache, with the numbers of that query', async () => {
  const client = readmeClient();
  const query = gql`query ViewersByStreamAndIsp { sessions(orderBy: [{count: DESC}, {stream: ASC}]) { stream isp count } }`;
  const first = await counted(() => client.query({ query }));
  assert.ok(first.sent.length >= 1, 'the first run asks the server');
  await assertSameAsPlain(query, first.value.data);
  const again = await counted(() => client.query({ query }));
  assert.deepEqual(again.sent, [], 'the second run is answered from the cache');
  await assertSameAsPlain(query, again.value.data);
});

test('aliases of one root field in one query keep their own rows, and a later query is not answered from them', async () => {
  const client = readmeClient();
  const aliased = await client.query({ query: ALIASES });
  await assertSameAsPlain(ALIASES, aliased.data);
  const later = await client.query({ query: BY_STREAM });
  await assertSameAsPlain(BY_STREAM, later.data);
  assert.equal(later.data.sessions.find((r) => r.stream === 1).count, 100000, 'stream 1 has 100,000 viewers');
  const cached = await counted(() => client.query({ query: ALIASES }));
  assert.deepEqual(cached.sent, [], 'the aliased query is still in the cache');
  await assertSameAsPlain(ALIASES, cached.value.data);
});

test("without the README's policy, Apollo's default cache shows numbers of another query (why the policy is needed)", async () => {
  const client = defaultClient();
  await client.query({ query: ALIASES });
  const later = await counted(() => client.query({ query: BY_STREAM }));
  assert.deepEqual(later.sent, [], 'answered from the merged cache, with no request');
  const expected = (await plain(print(BY_STREAM))).data;
  assert.notDeepEqual(withoutTypename(later.value.data), expected);
  assert.notEqual(later.value.data.sessions.find((r) => r.stream === 1).count, 100000);
});

test('two watch queries on one root field with other dimensions never show each other\'s numbers', async () => {
  const client = readmeClient();
  const queries = {
    byStream: gql`query WatchByStream { sessions { stream count } }`,
    byIsp: gql`query WatchByIsp { sessions { isp count } }`,
  };
  const seen = { byStream: [], byIsp: [] };
  const watches = {};
  const subscriptions = Object.entries(queries).map(([name, query]) => {
    watches[name] = client.watchQuery({ query });
    return watches[name].subscribe((result) => {
      if (result.data && result.dataState === 'complete') seen[name].push(result.data);
    });
  });
  for (let i = 0; i < 200 && (seen.byStream.length === 0 || seen.byIsp.length === 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  // more answers for the same root field and arguments: another selection, then both refetched
  await client.query({ query: gql`{ sessions { browser count } }` });
  await watches.byIsp.refetch();
  await watches.byStream.refetch();
  await new Promise((resolve) => setTimeout(resolve, 200));
  subscriptions.forEach((s) => s.unsubscribe());
  for (const [name, query] of Object.entries(queries)) {
    assert.ok(seen[name].length >= 1, `${name} showed data`);
    for (const data of seen[name]) await assertSameAsPlain(query, data);
  }
});

test('persisted queries: hash only over GET, the text once when the server asks, then the hash alone, even after the server cached the text', async () => {
  const query = gql(`query Apq${Date.now()} { sessions(orderBy: [{isp: ASC}]) { isp count p2pShare } }`);
  // another client sends the text first, twice: the server's response cache answers the second
  const other = defaultClient();
  await other.query({ query, fetchPolicy: 'no-cache' });
  await other.query({ query, fetchPolicy: 'no-cache' });

  const first = await counted(() => readmeClient().query({ query }));
  assert.deepEqual(shape(first.sent), ['GET hash only', 'POST with query'], 'unknown hash: the link sends the text');
  assert.equal(new globalThis.URL(first.sent[0].url).searchParams.has('extensions'), true);
  await assertSameAsPlain(query, first.value.data);

  const second = await counted(() => readmeClient().query({ query }));
  assert.deepEqual(shape(second.sent), ['GET hash only'], 'the stored query answers the hash alone');
  await assertSameAsPlain(query, second.value.data);
});

test('persisted queries: a hash is checked against the text sent with it, before any cache answers', async () => {
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  const send = async (body) => (await fetch(URL, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  })).json();
  const c = `query C${Date.now()} { sessions { stream count } }`;
  const d = `query D${Date.now()} { sessions { isp count } }`;
  const persisted = (text) => ({ persistedQuery: { version: 1, sha256Hash: sha256(text) } });
  assert.equal((await send({ query: c, extensions: persisted(c) })).errors, undefined);
  await plain(d);   // the response cache now holds d's answer
  const mismatch = await send({ query: d, extensions: persisted(c) });
  assert.equal(mismatch.data, undefined);
  assert.equal(mismatch.errors[0].extensions.code, 'PERSISTED_QUERY_HASH_MISMATCH');
  const byHash = await send({ extensions: persisted(c) });
  assert.deepEqual(byHash.data, (await plain(c)).data, "c's hash still runs c");
});

test('one failing root field leaves the others their data (errorPolicy all); the default policy throws CombinedGraphQLErrors', async () => {
  const client = readmeClient();
  const query = gql`{ ok: sessions { browser count } bad: traffic(timezone: "Nowhere/X") { bytes } }`;
  const { data, error } = await client.query({ query, errorPolicy: 'all' });
  assert.ok(CombinedGraphQLErrors.is(error), String(error));
  assert.deepEqual(error.errors.map((e) => [e.path, e.extensions.code]), [[['bad'], 'INVALID_TIMEZONE']]);
  assert.equal(data.bad, null);
  const expected = await plain(print(query));
  assert.deepEqual(withoutTypename(data.ok), expected.data.ok);
  assert.equal(expected.data.ok.length, 4, 'four browsers');
  await assert.rejects(client.query({ query, fetchPolicy: 'no-cache' }), (e) => CombinedGraphQLErrors.is(e));
});

test('64-bit identifiers reach JavaScript exactly, and filtering with the value sent finds its row', async () => {
  const largest = largestFlowId();
  assert.ok(largest > 2n ** 53n, 'the sample has flow ids past 2^53');
  const client = readmeClient();
  const top = await client.query({ query: gql`{ traffic(orderBy: [{flowId: DESC}], limit: 1) { flowId count } }` });
  assert.equal(top.data.traffic[0].flowId, largest.toString());
  const byId = gql`query ByFlow($id: ID!) { traffic(where: {flowId: {eq: $id}}) { flowId count } }`;
  const found = await client.query({ query: byId, variables: { id: top.data.traffic[0].flowId } });
  assert.equal(found.data.traffic.length, 1);
  assert.equal(found.data.traffic[0].flowId, largest.toString());
  assert.ok(found.data.traffic[0].count >= 1);
  await assertSameAsPlain(byId, found.data, { id: largest.toString() });
});
