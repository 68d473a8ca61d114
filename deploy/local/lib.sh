# Shared by up, down, status and smoke. Every port can be overridden from the environment.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# PRAXIS_RUN_DIR lets a second stack (bench/run) keep its data, logs and pids apart.
RUN="${PRAXIS_RUN_DIR:-$HERE/.run}"
CACHE="$HERE/.cache"
LOGS="$RUN/logs"
PIDS="$RUN/pids"

PG_PORT="${PRAXIS_PG_PORT:-15432}"
KAFKA_PORT="${PRAXIS_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${PRAXIS_KAFKA_CONTROLLER_PORT:-19093}"
KEYCLOAK_PORT="${PRAXIS_KEYCLOAK_PORT:-18080}"
KEYCLOAK_MANAGEMENT_PORT="${PRAXIS_KEYCLOAK_MANAGEMENT_PORT:-18090}"
INTAKE_PORT="${PRAXIS_INTAKE_PORT:-8081}"
SESSION_PORT="${PRAXIS_SESSION_PORT:-8082}"
REFERRAL_PORT="${PRAXIS_REFERRAL_PORT:-8083}"
ASSESSMENT_PORT="${PRAXIS_ASSESSMENT_PORT:-8084}"
WEBHOOK_PORT="${PRAXIS_WEBHOOK_PORT:-8085}"
# Each service's management interface (/q/health, /q/metrics; the packaged build serves them there and
# not on the API port): a port of its own per service, as several run on one host.
INTAKE_MANAGEMENT_PORT="${PRAXIS_INTAKE_MANAGEMENT_PORT:-9081}"
SESSION_MANAGEMENT_PORT="${PRAXIS_SESSION_MANAGEMENT_PORT:-9082}"
REFERRAL_MANAGEMENT_PORT="${PRAXIS_REFERRAL_MANAGEMENT_PORT:-9083}"
ASSESSMENT_MANAGEMENT_PORT="${PRAXIS_ASSESSMENT_MANAGEMENT_PORT:-9084}"
WEBHOOK_MANAGEMENT_PORT="${PRAXIS_WEBHOOK_MANAGEMENT_PORT:-9085}"

KEYCLOAK_VERSION=26.7.3
KAFKA_VERSION=4.1.1
# webhook: webhook-service, which delivers the four services' events to subscribed endpoints (docs/webhooks.md).
SERVICES=(intake session referral assessment webhook)
ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/praxis"
TOPICS=(intake.events session.events referral.events assessment.events privacy.events)

# Kafka listens for clients with SASL/SCRAM-SHA-512 only, and authorises with ACLs (StandardAuthorizer,
# nothing allowed without an ACL), like deploy/k8s (Strimzi's scram-sha-512 listener, KafkaUsers).
# Users: 'broker' (the broker itself, also to its controller) and 'admin' (topics, ACLs) are the only
# super users; each service has its own user, named like its KafkaUser and its consumer group.
# Passwords are made when up formats the broker's storage and kept beside it (never committed).
KAFKA_LIBS="$CACHE/kafka-$KAFKA_VERSION"
KAFKA_DIR="$RUN/kafka"
KAFKA_USERS="$KAFKA_DIR/users"
kafka_user() { echo "$1-service"; }
# What each service writes: its own <svc>.events; intake-service, the erasure coordinator, privacy.events too;
# webhook-service nothing (it only reads, and writes its dead letters).
kafka_writes() {
  case "$1" in
    intake) echo "intake.events privacy.events" ;;
    webhook) echo "" ;;
    *) echo "$1.events" ;;
  esac
}
# What each service consumes (its handlers' topics; privacy.events for every one; intake, the erasure
# coordinator, every service's topic for their subject.erased), as the KafkaUsers in
# deploy/k8s/base/platform/kafka-users.yaml grant it: write kafka_writes, read these, write their .dlq.
kafka_consumes() {
  case "$1" in
    intake) echo "intake.events session.events referral.events assessment.events privacy.events" ;;
    session) echo "intake.events referral.events assessment.events privacy.events" ;;
    referral) echo "intake.events session.events assessment.events privacy.events" ;;
    assessment) echo "session.events privacy.events" ;;
    webhook) echo "intake.events session.events referral.events assessment.events privacy.events" ;;
  esac
}
# The ACL specs Topics.java takes: USER=WRITTEN,WRITTEN.../CONSUMED,CONSUMED...
kafka_acl_specs() {
  local svc written consumed
  for svc in "${SERVICES[@]}"; do
    written=$(kafka_writes "$svc")
    consumed=$(kafka_consumes "$svc")
    echo "$(kafka_user "$svc")=${written// /,}/${consumed// /,}"
  done
}
# Runs Topics.java with the broker's jars, quietly (the Kafka client logs only errors, to the caller's log).
kafka_tool() { java -Dlog4j2.level=OFF -cp "$KAFKA_LIBS/*" "$HERE/Topics.java" "$@"; }

# find_jdk MIN: the newest JDK of version MIN or later under /usr/lib/jvm (PRAXIS_JVM_DIR moves it).
find_jdk() {
  local release v best="" best_v=0
  for release in "${PRAXIS_JVM_DIR:-/usr/lib/jvm}"/*/release; do
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release" 2>/dev/null)
    if [ -n "$v" ] && [ "$v" -ge "$1" ] && [ "$v" -gt "$best_v" ] && [ -x "$(dirname "$release")/bin/java" ]; then
      best=$(dirname "$release"); best_v=$v
    fi
  done
  [ -n "$best" ] && echo "$best"
}
# The services run on JDK 25 or later when there is one: its AOT cache (up trains it) starts them
# several times faster. Else on the default java, without the cache.
SERVICE_JDK=$(find_jdk 25 || true)
SERVICE_JAVA="${SERVICE_JDK:+$SERVICE_JDK/bin/java}"
SERVICE_JAVA="${SERVICE_JAVA:-java}"
# The services' JVM options (PRAXIS_SERVICE_JAVA_OPTS replaces them): see README, "Local stack".
SERVICE_JAVA_OPTS="${PRAXIS_SERVICE_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx128m}"
service_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }

service_port() {
  case "$1" in
    intake) echo "$INTAKE_PORT" ;; session) echo "$SESSION_PORT" ;;
    referral) echo "$REFERRAL_PORT" ;; assessment) echo "$ASSESSMENT_PORT" ;;
    webhook) echo "$WEBHOOK_PORT" ;;
  esac
}
management_port() {
  case "$1" in
    intake) echo "$INTAKE_MANAGEMENT_PORT" ;; session) echo "$SESSION_MANAGEMENT_PORT" ;;
    referral) echo "$REFERRAL_MANAGEMENT_PORT" ;; assessment) echo "$ASSESSMENT_MANAGEMENT_PORT" ;;
    webhook) echo "$WEBHOOK_MANAGEMENT_PORT" ;;
  esac
}
# Where a service's /q/health and /q/metrics answer.
management_url() { echo "http://127.0.0.1:$(management_port "$1")"; }

say() { printf '%s\n' "$*"; }
fail() { printf 'up: %s\n' "$*" >&2; exit 1; }

pid_alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for NAME SECONDS COMMAND...: runs COMMAND until it succeeds; fails naming NAME and its log.
wait_for() {
  local name="$1" seconds="$2"; shift 2
  local deadline=$((SECONDS + seconds))
  while ! "$@" >/dev/null 2>&1; do
    if [ -f "$PIDS/$name.pid" ] && ! pid_alive "$name"; then
      fail "$name exited while starting; see $LOGS/$name.log"
    fi
    [ $SECONDS -lt $deadline ] || fail "$name not ready after ${seconds}s; see $LOGS/$name.log"
    sleep 1
  done
}

http_ok() { curl -fsS -o /dev/null "$1"; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
