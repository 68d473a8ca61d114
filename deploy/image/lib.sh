# Shared by deploy/image/{base,build,check}. The image's contract lives here; the Deployments in
# deploy/k8s/base/*/deployment.yaml must agree with it (deploy/k8s's ImageContractTest reads this file).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CACHE="$HERE/.cache"
OUT_DIR="${PRAXIS_IMAGE_DIR:-$CACHE/images}"

SUITE=bookworm
# The services' runtime: a jlink'ed image of the JDK 25+ the local stack runs them on (deploy/local/lib.sh
# finds it under /usr/lib/jvm; bookworm packages no JDK 25), with the modules they use.
JAVA=/opt/java/bin/java
JAVA_MODULES=java.se,jdk.unsupported,jdk.management,jdk.jfr,jdk.net,jdk.naming.dns,jdk.zipfs,jdk.security.auth
# What the entrypoint runs java with: the collector the local stack and bench/run measure, and a heap of a
# quarter of the container's memory limit (128 MiB at the Deployments' 512 Mi, as bench/run runs them): a
# service's live heap after load is ~43 MB, and its class metadata, code and threads take ~300 MiB beside
# the heap without an AOT cache. At 75 % the heap could grow to 384 MiB and the pod past its limit
# (bench/FINDINGS.md, 2026-12-04).
JAVA_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError"
# image contract (ImageContractTest parses these KEY=VALUE lines)
APP_UID=1001
APP_GID=1001
APP_PORT=8080
# Quarkus's management interface (quarkus.management.port): /q/health and /q/metrics in the packaged build.
APP_MANAGEMENT_PORT=9000
APP_DIR=/deployments
TMP_DIR=/tmp
IMAGE_GROUP=praxis
# end of image contract

SERVICES=(intake session referral assessment webhook)

say() { printf '%s\n' "$*"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }

project_version() {
  sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1
}

# The JDK the runtime is linked from (the local stack's SERVICE_JDK), read in a subshell: names overlap.
service_jdk() { bash -c 'source "$1/lib.sh"; echo "$SERVICE_JDK"' _ "$ROOT/deploy/local"; }
