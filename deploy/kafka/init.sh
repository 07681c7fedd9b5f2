#!/bin/bash
# One-shot job of docker-compose.yml: creates epicall's topics, a Kafka user per role and their ACLs, then
# exits. Safe to run again (existing topics are kept; passwords are set anew from the environment).
#   campaign  writes dial requests and questionnaires, reads call attempts and survey results
#   dialer    reads dial requests and questionnaires, writes call attempts and survey results
#   analyst   reads survey results, nothing else
# Every tool line below is also run by KafkaAclsTest against an in-process broker with server.properties.
set -euo pipefail
BIN=/opt/kafka/bin
for role in ADMIN CAMPAIGN DIALER ANALYST; do
  var="EPICALL_KAFKA_${role}_PASSWORD"
  if [[ ! "${!var:-}" =~ ^[A-Za-z0-9._-]{16,}$ ]]; then
    echo "$var: use 16 or more letters, digits, '.', '_' or '-'" >&2
    exit 2
  fi
done
ADMIN=/tmp/admin.properties
cat > "$ADMIN" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${EPICALL_KAFKA_ADMIN_PASSWORD}";
PROPERTIES
K="--bootstrap-server kafka:9092 --command-config $ADMIN"
until $BIN/kafka-topics.sh $K --list > /dev/null; do
  echo "waiting for the broker" >&2
  sleep 2
done

# Topics. Dial requests carry phone numbers: kept 6 hours.
$BIN/kafka-topics.sh $K --create --if-not-exists --topic epicall.dial-requests --partitions 6 --replication-factor 1 --config retention.ms=21600000
$BIN/kafka-topics.sh $K --create --if-not-exists --topic epicall.call-attempts --partitions 6 --replication-factor 1
$BIN/kafka-topics.sh $K --create --if-not-exists --topic epicall.survey-results --partitions 6 --replication-factor 1
# A questionnaire version must outlive every campaign that runs it: kept by key, never by age.
$BIN/kafka-topics.sh $K --create --if-not-exists --topic epicall.questionnaires --partitions 6 --replication-factor 1 --config cleanup.policy=compact

# Users.
$BIN/kafka-configs.sh $K --alter --entity-type users --entity-name campaign --add-config "SCRAM-SHA-512=[password=${EPICALL_KAFKA_CAMPAIGN_PASSWORD}]"
$BIN/kafka-configs.sh $K --alter --entity-type users --entity-name dialer --add-config "SCRAM-SHA-512=[password=${EPICALL_KAFKA_DIALER_PASSWORD}]"
$BIN/kafka-configs.sh $K --alter --entity-type users --entity-name analyst --add-config "SCRAM-SHA-512=[password=${EPICALL_KAFKA_ANALYST_PASSWORD}]"

# ACLs. The campaign service also keeps the dial requests' retention at 6 hours (AlterConfigs).
$BIN/kafka-acls.sh $K --add --allow-principal User:campaign --operation Write --operation AlterConfigs --topic epicall.dial-requests
$BIN/kafka-acls.sh $K --add --allow-principal User:campaign --operation Read --topic epicall.call-attempts --topic epicall.survey-results
$BIN/kafka-acls.sh $K --add --allow-principal User:campaign --operation Write --topic epicall.questionnaires
$BIN/kafka-acls.sh $K --add --allow-principal User:campaign --operation Read --group epicall-campaign
$BIN/kafka-acls.sh $K --add --allow-principal User:dialer --operation Read --topic epicall.dial-requests --group epicall-dialers
$BIN/kafka-acls.sh $K --add --allow-principal User:dialer --operation Write --topic epicall.call-attempts --topic epicall.survey-results
# Every dialer node reads all questionnaires, without a consumer group.
$BIN/kafka-acls.sh $K --add --allow-principal User:dialer --operation Read --topic epicall.questionnaires
# Analysts read results with `epicall results tail` (no group) or a console consumer in a group of their own.
$BIN/kafka-acls.sh $K --add --allow-principal User:analyst --operation Read --topic epicall.survey-results
$BIN/kafka-acls.sh $K --add --allow-principal User:analyst --operation Read --resource-pattern-type prefixed --group analyst-
echo "epicall topics, users and ACLs are in place"
