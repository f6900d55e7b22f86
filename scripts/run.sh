#!/usr/bin/env bash
# Starts the action server and the Rasa server together; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

# Settings come from the environment; the Makefile gives the defaults.
: "${MODEL:?}" "${RASA_PORT:?}" "${ACTION_PORT:?}" "${ACTION_ENDPOINT_URL:?}" "${SQLITE_TRACKER_DB:?}" "${WEBCHAT_ORIGINS:?}"
mkdir -p "$(dirname "$SQLITE_TRACKER_DB")"
read -ra origins <<< "$WEBCHAT_ORIGINS"  # one word each; no glob expansion of *

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Arrêt de l'assistant..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" &
pids+=($!)
.venv/bin/rasa run --model "$MODEL" --port "$RASA_PORT" \
  --credentials credentials.yml --endpoints endpoints.yml --cors "${origins[@]}" &
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
Par programme :
  curl -s $url/webhooks/rest/webhook -H 'Content-Type: application/json' \\
       -d '{"sender": "essai", "message": "Bonjour"}'
Ctrl-C pour arrêter.
MSG
wait -n "${pids[@]}"
