#!/usr/bin/env python3
"""Drives Confluent's Python client (legacy confluent_kafka.avro API, Debian's python3-confluent-kafka) against
paperwire's registry and topics, for the cross-language interoperability test (InteropWithConfluentPythonClientTest).

  confluent_client.py consume BOOTSTRAP REGISTRY TOPIC COUNT
      reads COUNT values written by paperwire's serde and prints each as one JSON line on stdout
  confluent_client.py produce BOOTSTRAP REGISTRY TOPIC SCHEMA_FILE JSON_LINES_FILE
      registers SCHEMA_FILE under TOPIC-value through the registry and produces one value per JSON line
  confluent_client.py registry REGISTRY SUBJECT SCHEMA_FILE
      registers, looks up and fetches a schema by id; prints {"id":..,"version":..,"same":..}

Timestamps (timestamp-millis) are written from and printed as epoch milliseconds.
"""
import datetime
import json
import sys

from confluent_kafka import Consumer, avro
from confluent_kafka.avro import AvroProducer, CachedSchemaRegistryClient
from confluent_kafka.avro.serializer.message_serializer import MessageSerializer

UTC = datetime.timezone.utc


def to_json(value):
    if isinstance(value, datetime.datetime):
        return int(value.timestamp() * 1000)
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value))


def millis_to_datetimes(schema, value):
    """python3-avro wants datetime objects for timestamp-millis fields; JSON lines carry epoch millis."""
    if isinstance(schema, dict):
        if schema.get("logicalType") == "timestamp-millis" and isinstance(value, int):
            return datetime.datetime.fromtimestamp(value / 1000, tz=UTC)
        if schema.get("type") == "record" and isinstance(value, dict):
            return {f["name"]: millis_to_datetimes(f["type"], value.get(f["name"])) for f in schema["fields"]}
        if schema.get("type") == "array" and isinstance(value, list):
            return [millis_to_datetimes(schema["items"], v) for v in value]
        if isinstance(schema.get("type"), (dict, list)):
            return millis_to_datetimes(schema["type"], value)
    if isinstance(schema, list) and value is not None:
        for branch in schema:
            if branch != "null":
                converted = millis_to_datetimes(branch, value)
                if converted is not value:
                    return converted
    return value


def consume(bootstrap, registry, topic, count):
    # paperwire's keys are plain UTF-8 strings, values Avro in the wire format. The legacy AvroConsumer insists on
    # Avro keys, so a plain Consumer reads and Confluent's own MessageSerializer (the one AvroConsumer uses) decodes
    # each value through the registry.
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": registry}))
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "confluent-python-interop",
        "auto.offset.reset": "earliest",
    })
    consumer.subscribe([topic])
    seen, idle = 0, 0
    while seen < count and idle < 60:
        message = consumer.poll(1.0)
        if message is None:
            idle += 1
            continue
        if message.error():
            raise SystemExit("consume error: %s" % message.error())
        key = message.key()
        print(json.dumps({"key": key.decode("utf-8") if key is not None else None,
                          "value": serializer.decode_message(message.value())}, default=to_json), flush=True)
        seen += 1
    consumer.close()
    if seen < count:
        raise SystemExit("read %d of %d records from %s" % (seen, count, topic))


def produce(bootstrap, registry, topic, schema_file, lines_file):
    with open(schema_file) as f:
        schema_text = f.read()
    value_schema = avro.loads(schema_text)
    schema_json = json.loads(schema_text)
    producer = AvroProducer({"bootstrap.servers": bootstrap, "schema.registry.url": registry},
                            default_value_schema=value_schema)
    produced = 0
    with open(lines_file) as f:
        for line in f:
            if line.strip():
                producer.produce(topic=topic, value=millis_to_datetimes(schema_json, json.loads(line)))
                produced += 1
    remaining = producer.flush(30)
    if remaining:
        raise SystemExit("%d records not delivered" % remaining)
    print(json.dumps({"produced": produced}), flush=True)


def registry_round_trip(registry, subject, schema_file):
    with open(schema_file) as f:
        schema = avro.loads(f.read())
    client = CachedSchemaRegistryClient({"url": registry})
    schema_id = client.register(subject, schema)
    version = client.get_version(subject, schema)
    fetched = client.get_by_id(schema_id)
    latest_id, latest_schema, latest_version = client.get_latest_schema(subject)
    print(json.dumps({"id": schema_id, "version": version, "same": fetched == schema,
                      "latestId": latest_id, "latestVersion": latest_version}), flush=True)


if __name__ == "__main__":
    verb = sys.argv[1]
    if verb == "consume":
        consume(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    elif verb == "produce":
        produce(*sys.argv[2:7])
    elif verb == "registry":
        registry_round_trip(*sys.argv[2:5])
    else:
        raise SystemExit("unknown verb " + verb)
