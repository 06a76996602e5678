// Reads a PaperPulse topic the way another team's service would: kafkajs for Kafka, and
// Confluent's AvroDeserializer against the registry's Confluent-compatible API.
// Usage: node consume.mjs BOOTSTRAP CCOMPAT_URL TOPIC COUNT [TIMEOUT_MS]
// Prints one JSON object a message: partition, offset, key, timestamp, schemaId, value; on stderr,
// when each step was done. The whole run, imports included, ends within TIMEOUT_MS (default 60000)
// with a message naming the last step done: kafkajs does not always stop a consumer that is still
// joining its group or waiting in a handler (kafkajs issues 967, 1639), so the script exits by
// itself instead of waiting for Node's event loop to drain.
const started = Date.now();
let step = 'starting';
const note = (what) => {
  step = what;
  console.error(`consume.mjs: ${what} after ${Date.now() - started} ms`);
};

const [bootstrap, registryUrl, topic, countArg, timeoutArg] = process.argv.slice(2);
if (!bootstrap || !registryUrl || !topic || !countArg) {
  console.error('usage: node consume.mjs BOOTSTRAP CCOMPAT_URL TOPIC COUNT [TIMEOUT_MS]');
  process.exit(2);
}
const expected = Number(countArg);
const timeoutMs = Number(timeoutArg ?? 60000);
let received = 0;
setTimeout(() => {
  console.error(`consume.mjs: timeout after ${timeoutMs} ms, ${received} of ${expected} messages; last step: ${step}`);
  process.exit(1);
}, timeoutMs);

// Imported here, not at the top, so that the time they take counts and shows.
const { Kafka, logLevel } = await import('kafkajs');
const { SchemaRegistryClient, SerdeType, AvroDeserializer } = await import('@confluentinc/schemaregistry');
note('imported kafkajs and @confluentinc/schemaregistry');

// Without a timeout, a registry that does not answer would hold a handler, and the consumer, forever.
const registry = new SchemaRegistryClient({ baseURLs: [registryUrl], createAxiosDefaults: { timeout: 20000 } });
const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
const kafka = new Kafka({ clientId: 'paperpulse-interop', brokers: bootstrap.split(','), logLevel: logLevel.ERROR });
// kafkajs reads only as a member of a group (it cannot assign partitions); a new group a run.
const consumer = kafka.consumer({ groupId: `paperpulse-interop-${process.pid}-${Date.now()}` });
consumer.on(consumer.events.GROUP_JOIN, () => note('joined the consumer group'));

const describe = (e) => (e.cause ? `${e} (caused by ${describe(e.cause)})` : `${e}`);
// A registry that is slow to answer its first requests (a busy machine, a cold server) is asked
// again, within the script's deadline; any other error fails the message at once.
const REGISTRY_ATTEMPTS = 4;
const transient = (e) => /timeout|ECONNRESET|ECONNREFUSED|socket hang up/i.test(describe(e));
async function decode(bytes) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deserializer.deserialize(topic, bytes);
    } catch (e) {
      if (!transient(e) || attempt === REGISTRY_ATTEMPTS) {
        throw e;
      }
      note(`registry call ${attempt} of ${REGISTRY_ATTEMPTS} failed (${describe(e)}); asking again`);
    }
  }
}
const json = (value) =>
  JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? v.toString() : v));

let settled = false;
let settle;
const outcome = new Promise((resolve) => {
  settle = (result) => {
    settled = true;
    resolve(result);
  };
});

await consumer.connect();
note('connected to the broker');
await consumer.subscribe({ topic, fromBeginning: true });
consumer.run({
  eachMessage: async ({ partition, message }) => {
    if (settled) {
      return;
    }
    try {
      const value = await decode(message.value);
      console.log(json({
        partition,
        offset: message.offset,
        key: message.key.toString('utf8'),
        timestamp: message.timestamp,
        magic: message.value[0],
        schemaId: message.value.readInt32BE(1),
        value,
      }));
    } catch (e) {
      settle({ code: 1, problem: `message ${received + 1} of ${expected} failed: ${describe(e)}` });
      return;
    }
    received += 1;
    if (received === 1) {
      note('read and decoded the first message');
    }
    if (received === expected) {
      note(`read ${expected} messages`);
      settle({ code: 0 });
    }
  },
}).catch((e) => settle({ code: 1, problem: `the consumer failed: ${describe(e)}` }));

const { code, problem } = await outcome;
if (problem) {
  console.error(`consume.mjs: ${problem}`);
}
// A stop that hangs must not hold the exit.
await Promise.race([consumer.disconnect(), new Promise((resolve) => setTimeout(resolve, 5000))]);
process.exit(code);
