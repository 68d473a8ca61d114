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

KEYCLOAK_VERSION=26.7.3
KAFKA_VERSION=4.1.1
SERVICES=(intake session referral assessment)
ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/praxis"
TOPICS=(intake.events session.events referral.events assessment.events privacy.events)

service_port() {
  case "$1" in
    intake) echo "$INTAKE_PORT" ;; session) echo "$SESSION_PORT" ;;
    referral) echo "$REFERRAL_PORT" ;; assessment) echo "$ASSESSMENT_PORT" ;;
  esac
}

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
