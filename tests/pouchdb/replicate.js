// The PouchDB side of the sync benchmark (tests/src/bin/sync_bench.rs starts
// pouchdb-server and runs this). It replays the scenarios the Werkpad side measured, on the
// very same records, and prints `BENCH pouchdb_<name> <value> ms` lines.
//
//   node replicate.js --url http://127.0.0.1:PORT --records records.json --first 5000
//
// Clients use the in-memory adapter and one-shot replications with batch_size 500, the
// set-up of the figures in shared/SYNC.md.
'use strict';

const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-replication'));
const fs = require('fs');

const BATCH = 500;
const REPEATS = 20;

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got ${argv.slice(i).join(' ')}`);
    }
    out[argv[i].slice(2)] = argv[i + 1];
  }
  for (const need of ['url', 'records', 'first']) {
    if (!(need in out)) throw new Error(`--${need} is required`);
  }
  return out;
}

function bench(name, ms) {
  process.stdout.write(`BENCH pouchdb_${name} ${ms.toFixed(3)} ms\n`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

async function timed(f) {
  const t = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// A replication that ends with errors has not synced what it was asked to: fail loudly
// rather than print a figure for work not done.
function checked(result, what) {
  const pushed = result.push || result;
  const pulled = result.pull || result;
  for (const r of [pushed, pulled]) {
    if (!r.ok || (r.doc_write_failures || 0) > 0) {
      throw new Error(`${what}: replication failed: ${JSON.stringify(r)}`);
    }
  }
  return result;
}

async function loadInto(db, docs) {
  for (let i = 0; i < docs.length; i += BATCH) {
    const res = await db.bulkDocs(docs.slice(i, i + BATCH));
    const bad = res.find((r) => !r.ok);
    if (bad) throw new Error(`loading records: ${JSON.stringify(bad)}`);
  }
}

async function expectCount(db, n, what) {
  const info = await db.info();
  if (info.doc_count !== n) {
    throw new Error(`${what}: expected ${n} documents, found ${info.doc_count}`);
  }
}

async function main() {
  const a = args();
  const records = JSON.parse(fs.readFileSync(a.records, 'utf8'));
  const first = Number(a.first);
  const docs = records.map((r) => ({ ...r }));
  const remote = new PouchDB(`${a.url}/werkgevers`);
  const local = (name) => new PouchDB(`bench-${name}`, { adapter: 'memory' });
  const opts = { batch_size: BATCH };

  // Push: device A holds `first` records nobody has seen; one replication sends them.
  const devA = local('a');
  await loadInto(devA, docs.slice(0, first));
  bench(`sync_push_${first / 1000}k_ms`, await timed(async () => {
    checked(await devA.replicate.to(remote, opts), 'push');
  }));
  await expectCount(remote, first, 'push');

  // Pull: a fresh device B fetches all of them.
  const devB = local('b');
  bench(`sync_pull_${first / 1000}k_ms`, await timed(async () => {
    checked(await devB.replicate.from(remote, opts), 'pull');
  }));
  await expectCount(devB, first, 'pull');

  // The rest of the set reaches the server (not measured), then a fresh device C
  // fetches everything.
  await loadInto(devA, docs.slice(first));
  checked(await devA.replicate.to(remote, opts), 'push rest');
  const devC = local('c');
  bench(`sync_pull_${docs.length / 1000}k_ms`, await timed(async () => {
    checked(await devC.replicate.from(remote, opts), 'pull all');
  }));
  await expectCount(devC, docs.length, 'pull all');

  // Round trip: one field of one record changed on A until B holds it; both devices run
  // a full two-way sync, as Werkpad's sync does.
  checked(await devB.sync(remote, opts), 'catch up B');
  const id = docs[0]._id;
  const trips = [];
  for (let i = 0; i < REPEATS; i++) {
    const city = `Plaats ${i}`;
    trips.push(await timed(async () => {
      const doc = await devA.get(id);
      doc.city = city;
      await devA.put(doc);
      checked(await devA.sync(remote, opts), 'round trip A');
      checked(await devB.sync(remote, opts), 'round trip B');
    }));
    const seen = await devB.get(id);
    if (seen.city !== city) throw new Error(`round trip: B has ${seen.city}, not ${city}`);
  }
  bench('sync_roundtrip_one_ms', median(trips));

  // No-change sync: a two-way sync when neither side has anything new.
  const noops = [];
  for (let i = 0; i < REPEATS; i++) {
    noops.push(await timed(async () => {
      const r = checked(await devA.sync(remote, opts), 'no-change sync');
      if (r.push.docs_written + r.pull.docs_written !== 0) {
        throw new Error('no-change sync moved documents');
      }
    }));
  }
  bench('sync_noop_ms', median(noops));
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
