// Reads a PaperPulse topic the way another team's service would: kafkajs for Kafka, and
// Confluent's AvroDeserializer against the registry's Confluent-compatible API.
// Usage: node consume.mjs BOOTSTRAP CCOMPAT_URL TOPIC COUNT [TIMEOUT_MS]
// Prints one JSON object a message: partition, offset, key, timestamp, schemaId, value.
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistryClient, SerdeType, AvroDeserializer } from '@confluentinc/schemaregistry';

const [bootstrap, registryUrl, topic, countArg, timeoutArg] = process.argv.slice(2);
if (!bootstrap || !registryUrl || !topic || !countArg) {
  console.error('usage: node consume.mjs BOOTSTRAP CCOMPAT_URL TOPIC COUNT [TIMEOUT_MS]');
  process.exit(2);
}
const expected = Number(countArg);
const timeoutMs = Number(timeoutArg ?? 60000);

const registry = new SchemaRegistryClient({ baseURLs: [registryUrl] });
const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
const kafka = new Kafka({ clientId: 'paperpulse-interop', brokers: bootstrap.split(','), logLevel: logLevel.ERROR });
const consumer = kafka.consumer({ groupId: `paperpulse-interop-${process.pid}-${Date.now()}` });

const json = (value) =>
  JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? v.toString() : v));

let received = 0;
let failure = null;
await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
const done = new Promise((resolve) => {
  const timer = setTimeout(() => resolve('timeout'), timeoutMs);
  consumer.run({
    eachMessage: async ({ partition, message }) => {
      try {
        const value = await deserializer.deserialize(topic, message.value);
        const schemaId = message.value.readInt32BE(1);
        console.log(json({
          partition,
          offset: message.offset,
          key: message.key.toString('utf8'),
          timestamp: message.timestamp,
          magic: message.value[0],
          schemaId,
          value,
        }));
      } catch (e) {
        failure = e;
        resolve('error');
      }
      received += 1;
      if (received >= expected) {
        clearTimeout(timer);
        resolve('done');
      }
    },
  }).catch((e) => {
    failure = e;
    resolve('error');
  });
});

const outcome = await done;
await consumer.disconnect();
if (outcome !== 'done') {
  console.error(`consume.mjs: ${outcome} after ${received} of ${expected} messages${failure ? ': ' + (failure.stack ?? failure) : ''}`);
  process.exit(1);
}
