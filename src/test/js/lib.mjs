// Helpers of the client tests: the server under test, the same query sent with no client cache, request counting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const URL = process.env.QOEGRAPH_URL ?? 'http://localhost:8080/graphql';

/** The answer to a query POSTed with plain fetch: no client, no cache of any client. */
export async function plain(query, variables = {}) {
  const response = await fetch(URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The data a client shows equals the answer to the same query (its text) sent plainly. */
export async function assertSameAsPlain(text, data, variables) {
  const expected = await plain(text, variables);
  assert.equal(expected.errors, undefined, JSON.stringify(expected.errors));
  assert.deepEqual(withoutTypename(data), expected.data);
}

/** The cookbook's three aliases of one root field with one set of arguments, and a later query on that field. */
export const ALIASES = `{
  byStream: sessions(orderBy: [{count: DESC}]) { stream count }
  byIsp: sessions(orderBy: [{count: DESC}]) { isp count }
  byBrowser: sessions(orderBy: [{count: DESC}]) { browser count }
}`;
export const BY_STREAM = '{ sessions(orderBy: [{count: DESC}]) { stream count } }';

/** The value without the __typename fields clients add to every selection. */
export function withoutTypename(value) {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== '__typename')
      .map(([k, v]) => [k, withoutTypename(v)]));
  }
  return value;
}

/** Every request the clients send, through a wrapper of the global fetch: method, URL, and whether it held a query. */
export const requests = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init = {}) => {
  const url = String(input instanceof Request ? input.url : input);
  const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const body = typeof init.body === 'string' ? init.body : '';
  const hasQuery = method === 'GET' ? new globalThis.URL(url).searchParams.has('query') : body.includes('"query"');
  requests.push({ method, url, hasQuery });
  return realFetch(input, init);
};

/** The requests sent while fn ran. */
export async function counted(fn) {
  const from = requests.length;
  const value = await fn();
  return { value, sent: requests.slice(from) };
}

/** The largest flowid of the sample's traffic file, read from the generated CSV itself (BigInt: every digit). */
export function largestFlowId() {
  const dir = process.env.QOEGRAPH_SAMPLE_DIR;
  const lines = gunzipSync(readFileSync(`${dir}/ucn/deviceapptraffic.csv.gz`)).toString('utf8').split('\n');
  const column = lines[0].split(',').indexOf('flowid');
  let largest = -1n;
  for (const line of lines.slice(1)) {
    if (line) {
      const id = BigInt(line.split(',')[column]);
      if (id > largest) largest = id;
    }
  }
  return largest;
}
