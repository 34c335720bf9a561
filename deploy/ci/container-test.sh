#!/usr/bin/env bash
# Builds the image from the Dockerfile with podman and runs it as an operator would, against MariaDB: the
# one-shot migration, the demo data, the service, /health/ready, a token from the image's CLI, Get Call, the
# image's HEALTHCHECK, the SQLite volume as the non-root user, and a graceful stop on SIGTERM. Exits non-zero
# on the first failure.
#
#   deploy/ci/container-test.sh
#
# BASE_IMAGE: the build's base (default: a local debootstrap made by base-image.sh, no registry needed).
# TEST_DATABASE_URL: the MySQL/MariaDB server (default mysql://root@127.0.0.1:3306); a fresh database is made
# and dropped. Without podman it says so and exits 0, except with CI=true.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v podman >/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "container-test: CI builds and runs the image: podman is missing (apt-get install -y podman runc debootstrap)" >&2
    exit 1
  fi
  echo "container-test: skipped, podman is not installed (apt-get install -y podman runc debootstrap)"
  exit 0
fi

# This machine's sandbox: cgroup v1 with a v2 hierarchy beside it (crun refuses that "hybrid" mode, runc takes
# it), no systemd (cgroupfs), and no CAP_SYS_RESOURCE (podman's default ulimits are above ours, so they are set
# at or below the current ones). None of this is needed on an ordinary Docker or podman host.
PODMAN=(podman --cgroup-manager=cgroupfs)
RUN_FLAGS=(--network host --ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096)
if command -v runc >/dev/null; then PODMAN+=(--runtime runc); fi
podman() { command "${PODMAN[@]}" "$@"; }

SERVER_URL="${TEST_DATABASE_URL:-mysql://root@127.0.0.1:3306}"
SERVER_URL="${SERVER_URL%/}"
DATABASE="calls_container_$$"
DATABASE_URL="$SERVER_URL/$DATABASE"
JWT_SECRET="$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64url'))")"
IMAGE="${IMAGE_NAME:-localhost/calls-api:ci}"
NAME="calls-api-ci-$$"
VOLUME="calls-api-ci-data-$$"
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")"
BASE="http://127.0.0.1:$PORT"
started=$SECONDS

say() { printf 'container-test: %s\n' "$*"; }
fail() {
  printf 'container-test: FAILED: %s\n' "$*" >&2
  if podman container exists "$NAME" 2>/dev/null; then
    echo "--- the service's log" >&2
    podman logs "$NAME" 2>&1 | tail -n 40 >&2 || true
  fi
  exit 1
}
sql() { node -e "require('mysql2/promise').createConnection(process.argv[1]).then(c=>c.query(process.argv[2]).finally(()=>c.end())).catch(e=>{console.error(e.message);process.exit(1)})" "$SERVER_URL" "$1"; }
# GET with an optional bearer token: prints the status, then the body.
http_get() {
  node -e "fetch(process.argv[1],{headers:process.argv[2]?{authorization:'Bearer '+process.argv[2]}:{},signal:AbortSignal.timeout(5000)}).then(async r=>console.log(r.status+'\n'+await r.text()),e=>{console.log('000\n'+e.message)})" "$1" "${2:-}"
}
cleanup() {
  podman rm -f -t 0 "$NAME" >/dev/null 2>&1 || true
  podman volume rm -f "$VOLUME" >/dev/null 2>&1 || true
  sql "DROP DATABASE IF EXISTS \`$DATABASE\`" >/dev/null 2>&1 || true
  # The build stage and the images this tag had before: each run would otherwise keep about 1.7 GB more.
  podman image prune -f >/dev/null 2>&1 || true
}
trap cleanup EXIT
# Podman reports that it cannot reach systemd for the healthcheck's timer; the checks below run it by hand.
quiet() { grep -v 'unable to get systemd connection' || true; }
run_once() { podman run --rm "${RUN_FLAGS[@]}" -e DATABASE_URL="$DATABASE_URL" -e JWT_SECRET="$JWT_SECRET" "$IMAGE" "$@" 2> >(quiet >&2); }

# 1. The image.
if [ -z "${BASE_IMAGE:-}" ]; then
  BASE_IMAGE="$(bash deploy/ci/base-image.sh)"
fi
say "building $IMAGE on $BASE_IMAGE"
build_args=(--format docker --isolation=chroot --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$IMAGE")
# The npm registry's CA, when this machine names one, reaches the build as a secret (not a layer).
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -s "$NODE_EXTRA_CA_CERTS" ]; then
  build_args+=(--secret "id=npm_ca,src=$NODE_EXTRA_CA_CERTS")
fi
build_started=$SECONDS
podman build "${build_args[@]}" . >"${TMPDIR:-/tmp}/calls-api-image-build.log" 2>&1 \
  || { tail -n 40 "${TMPDIR:-/tmp}/calls-api-image-build.log" >&2; fail "podman build"; }
build_seconds=$((SECONDS - build_started))
say "built in ${build_seconds} s ($(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1e6}'))"

user="$(podman image inspect --format '{{.Config.User}}' "$IMAGE")"
[ "$user" = "10001:10001" ] || fail "the image runs as '$user', not the non-root user 10001"
podman image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE" | grep -q '/health/live' || fail "no HEALTHCHECK on /health/live"
podman image inspect --format '{{json .Config.Volumes}}' "$IMAGE" | grep -q '/app/data' || fail "no volume /app/data"
if podman run --rm "${RUN_FLAGS[@]}" --entrypoint sh "$IMAGE" -c 'test -e node_modules/jest || test -e node_modules/eslint || test -e node_modules/@nestjs/cli' 2>/dev/null; then
  fail "the image holds dev dependencies"
fi
say "runs as 10001:10001, HEALTHCHECK on /health/live, volume /app/data, production dependencies only"

# 2. The SQLite file on a volume, written by the non-root user.
podman volume create "$VOLUME" >/dev/null
podman run --rm "${RUN_FLAGS[@]}" -v "$VOLUME:/app/data" -e JWT_SECRET="$JWT_SECRET" "$IMAGE" node dist/src/cli/migrate.js \
  2> >(quiet >&2) | grep -q 'SQLite /app/data/calls-api.sqlite: the schema is current' || fail "migrating SQLite on the volume"
say "SQLite on the volume /app/data: migrated as user 10001"

# 3. MariaDB: the one-shot migration, the demo data, then the service.
sql "CREATE DATABASE \`$DATABASE\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
run_once node dist/src/cli/migrate.js | grep -q 'the schema is current' || fail "the migration step"
run_once node dist/src/cli/seed.js >/dev/null || fail "loading the demo data"
say "migrated and seeded $DATABASE"

# As the Kubernetes manifest runs it: a read-only root file system.
podman run -d --name "$NAME" "${RUN_FLAGS[@]}" --read-only --health-interval disable \
  -e HOST=127.0.0.1 -e PORT="$PORT" -e DATABASE_URL="$DATABASE_URL" -e JWT_SECRET="$JWT_SECRET" \
  -e SHUTDOWN_GRACE_MS=5000 "$IMAGE" >/dev/null 2> >(quiet >&2)
ready=""
for _ in $(seq 1 120); do
  ready="$(http_get "$BASE/health/ready")"
  [ "${ready%%$'\n'*}" = "200" ] && break
  [ "$(podman inspect --format '{{.State.Running}}' "$NAME")" = "true" ] || fail "the service exited"
  sleep 0.5
done
[ "${ready%%$'\n'*}" = "200" ] || fail "/health/ready did not answer 200 within 60 s: $ready"
say "/health/ready: ${ready//$'\n'/ }"

token="$(run_once node dist/src/cli/token.js --user 100234)" || fail "the token CLI"
call="$(http_get "$BASE/v2.0/communication/call/563172647619608" "$token")"
[ "${call%%$'\n'*}" = "200" ] || fail "Get Call answered: $call"
grep -q '"id":563172647619608' <<<"$call" || fail "Get Call's body: $call"
say "Get Call 563172647619608 with a token of the image's CLI: 200"

# Exit 0 and no output when healthy ("unhealthy" and 1 otherwise).
podman healthcheck run "$NAME" 2> >(quiet >&2) || fail "the image's HEALTHCHECK"
say "HEALTHCHECK: healthy"

# 4. SIGTERM: the drain, the exit code, the time it takes; every log line is JSON.
stop_started=$(date +%s%N)
podman stop -t 30 "$NAME" >/dev/null 2> >(quiet >&2)
stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
code="$(podman inspect --format '{{.State.ExitCode}}' "$NAME")"
[ "$code" = "0" ] || fail "exit code $code after SIGTERM"
[ "$stop_ms" -lt 10000 ] || fail "the stop took ${stop_ms} ms"
logs="$(podman logs "$NAME" 2>&1 | quiet)"
grep -q 'SIGTERM: draining' <<<"$logs" || fail "the log does not show the drain"
node -e "for (const l of process.argv[1].split('\n').filter(Boolean)) JSON.parse(l)" "$logs" || fail "a log line is not JSON"
say "SIGTERM: drained and exited 0 in ${stop_ms} ms; $(wc -l <<<"$logs") log lines, all JSON"

say "passed in $((SECONDS - started)) s (image build ${build_seconds} s)"
