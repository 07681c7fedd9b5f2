#!/bin/bash
# Starts the epicall broker (apache/kafka image) with deploy/kafka/server.properties. The first start
# formats the storage with the admin SCRAM user in it, as no user can log in to create one otherwise.
set -euo pipefail
: "${EPICALL_KAFKA_ADMIN_PASSWORD:?set EPICALL_KAFKA_ADMIN_PASSWORD}"
if [[ ! "$EPICALL_KAFKA_ADMIN_PASSWORD" =~ ^[A-Za-z0-9._-]{16,}$ ]]; then
  echo "EPICALL_KAFKA_ADMIN_PASSWORD: use 16 or more letters, digits, '.', '_' or '-'" >&2
  exit 2
fi
config=/tmp/server.properties
cp /etc/epicall/kafka/server.properties "$config"
# The broker logs in to itself as admin on the SASL listener.
echo "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${EPICALL_KAFKA_ADMIN_PASSWORD}\";" >> "$config"
if [[ ! -f /var/lib/kafka/data/meta.properties ]]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${EPICALL_KAFKA_ADMIN_PASSWORD}]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
