#!/usr/bin/env bash
# Starts the action server and the Rasa server together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

# Settings come from the environment; the Makefile gives the defaults.
: "${MODEL:?}" "${RASA_CREDENTIALS:?}" "${RASA_PORT:?}" "${ACTION_PORT:?}" "${ACTION_ENDPOINT_URL:?}" "${SQLITE_TRACKER_DB:?}"
: "${TRACKER_STORE_URL?}" "${LOCK_STORE_URL?}"  # may be empty, not unset (endpoints.yml reads them)
if [ -z "$TRACKER_STORE_URL" ]; then
  mkdir -p "$(dirname "$SQLITE_TRACKER_DB")" 2>/dev/null && touch "$SQLITE_TRACKER_DB" 2>/dev/null || {
    echo "error: cannot write the conversation database '$SQLITE_TRACKER_DB';" \
         "set SQLITE_TRACKER_DB to a file in a writable folder" >&2
    exit 1
  }
fi

# Several Sanic workers answer the same conversations: only with shared (Redis) locks.
workers=${SANIC_WORKERS:-1}
if ! [[ $workers =~ ^[1-9][0-9]*$ ]]; then
  echo "error: SANIC_WORKERS must be a whole number, 1 or more (got '$workers')" >&2
  exit 1
elif [ "$workers" -gt 1 ] && [ -z "$LOCK_STORE_URL" ]; then
  echo "error: SANIC_WORKERS=$workers needs LOCK_STORE_URL (redis://host:6379/1);" \
       "without shared locks, two workers could answer one conversation at the same time" >&2
  exit 1
fi

# Cross-origin access (CORS): only the websites listed in WEBCHAT_ORIGINS.
rasa_options=()
read -ra origins <<< "${WEBCHAT_ORIGINS:-}"  # one word each; no glob expansion of *
[ ${#origins[@]} -eq 0 ] || rasa_options+=(--cors "${origins[@]}")

# Rasa's HTTP API (conversations, model…): off unless asked, and then only with a token.
if [ "${RASA_ENABLE_API:-0}" = 1 ]; then
  [ -n "${RASA_API_TOKEN:-}" ] || {
    echo "error: RASA_ENABLE_API=1 needs RASA_API_TOKEN (the token every API call must give)" >&2
    exit 1
  }
  rasa_options+=(--enable-api --auth-token "$RASA_API_TOKEN")
fi

# RASA_LOG_LEVEL=DEBUG logs everything (personal data and health details are masked in every log: rasa_patches.py).
log_options=()
[ "${RASA_LOG_LEVEL:-INFO}" != DEBUG ] || log_options=(--debug)

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Arrêt de l'assistant..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" "${log_options[@]}" &
pids+=($!)
.venv/bin/rasa run --model "$MODEL" --port "$RASA_PORT" "${log_options[@]}" \
  --credentials "$RASA_CREDENTIALS" --endpoints endpoints.yml "${rasa_options[@]}" &
pids+=($!)

url="http://localhost:${RASA_PORT}"
until curl -sf "$url/" >/dev/null; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "error: a server stopped while starting" >&2; exit 1; }
  done
  sleep 1
done
cat <<MSG

L'assistant est prêt : $url
Dans le navigateur :
  borne (plein écran) : $url/chat/
  widget sur un site  : $url/chat/demo.html
  mode entraînement   : $url/chat/entrainement.html
Par programme :
  curl -s $url/webhooks/rest/webhook -H 'Content-Type: application/json' \\
       -d '{"sender": "essai", "message": "Bonjour"}'
Ctrl-C pour arrêter.
MSG
wait -n "${pids[@]}"
