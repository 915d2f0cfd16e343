// The README's "Apollo Client and urql" section, run as the cookbook is: its files (written out by the JUnit test)
// used against the real server, every number compared with the same query sent with plain fetch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { gql } from '@apollo/client';
import { print } from 'graphql';
import { URL, plain, withoutTypename } from './lib.mjs';

const load = (file) => import(pathToFileURL(`${process.env.QOEGRAPH_README_DIR}/${file}`).href);
const apollo = await load('qoegraph-apollo.js');
const apolloPanels = await load('panels-apollo.js');
const urqlPanels = await load('panels-urql.js');

const DASHBOARD = gql`{
  viewers: sessions(orderBy: [{count: DESC}]) { stream count }
  share: sessions(orderBy: [{p2pShare: DESC}], limit: 3) { isp p2pShare }
  bad: traffic(timezone: "Nowhere/X") { bytes }
}`;

test("the README's DATASETS are the server's datasets", async () => {
  const catalog = await plain('{ catalog { datasets { name } } }');
  assert.deepEqual(apollo.DATASETS, catalog.data.catalog.datasets.map((d) => d.name).sort());
});

test("the README's Apollo client answers with the numbers of the query asked", async () => {
  const query = gql`{ sessions(where: {stream: {eq: 7}}, orderBy: [{count: DESC}]) { isp count connectedShare } }`;
  const { data } = await apollo.client.query({ query });
  assert.deepEqual(withoutTypename(data), (await plain(print(query))).data);
});

test("the README's Apollo panels: the panels that answered, and why the others did not", async () => {
  const { data, problems } = await apolloPanels.panels(DASHBOARD);
  const expected = (await plain(print(DASHBOARD))).data;
  assert.deepEqual(withoutTypename(data.viewers), expected.viewers);
  assert.deepEqual(withoutTypename(data.share), expected.share);
  assert.equal(data.bad, null);
  assert.deepEqual(Object.keys(problems), ['bad']);
  assert.match(problems.bad, /^INVALID_TIMEZONE: /);
});

test("the README's Apollo link reads extensions.fields: rows, truncated, ms", async () => {
  const seen = {};
  const client = apollo.createClient({ uri: URL, onField: (path, report) => { seen[path] = report; } });
  await client.query({ query: gql`{ top2: sessions(orderBy: [{count: DESC}], limit: 2) { isp count } all: sessions { isp count } }` });
  assert.equal(seen.top2.rows, 2);
  assert.equal(seen.top2.truncated, true, 'limit 2 cut the other ISPs off');
  assert.equal(seen.all.truncated, false);
  assert.equal(typeof seen.all.ms, 'number');
});

test("the README's urql panels: data, problems and the truncated fields", async () => {
  const { data, problems, truncated } = await urqlPanels.panels(print(DASHBOARD));
  const expected = (await plain(print(DASHBOARD))).data;
  assert.deepEqual(withoutTypename(data.viewers), expected.viewers);
  assert.deepEqual(withoutTypename(data.share), expected.share);
  assert.equal(data.bad, null);
  assert.match(problems.bad, /^INVALID_TIMEZONE: /);
  assert.deepEqual(truncated, ['share']);
});
