#!/usr/bin/env bash
# The README's walkthrough, runnable: against a product started on an empty data dir with demo data
# (java -jar ui-adapter/target/opera360.jar), logs in as the demo Administrator by reading the e-mails in the
# outbox, changes the password, creates a profile and a user, logs in as that user and sees 403 on what the
# profile does not grant. Needs curl and python3.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
OUTBOX=${OUTBOX:-data/outbox}
JSON='Content-Type: application/json'
field() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
newest_mail_to() { grep -l "^To: $1" "$OUTBOX"/*.eml | sort | tail -1; }

login() { # email password -> access token (reads the 6-digit token from the newest e-mail)
  local challenge token
  challenge=$(curl -sf -H "$JSON" -d "{\"email\":\"$1\",\"password\":\"$2\"}" "$BASE/api/auth/login" | field '["challengeId"]')
  sleep 0.5
  token=$(grep -oE '(^|[^0-9])[0-9]{6}([^0-9]|$)' "$(newest_mail_to "$1")" | grep -oE '[0-9]{6}' | head -1)
  curl -sf -H "$JSON" -d "{\"challengeId\":\"$challenge\",\"token\":\"$token\"}" "$BASE/api/auth/token" | field '["accessToken"]'
}

ADMIN=admin@demo.opera360.com.br
TEMP=$(grep -h '^Senha temporária: ' "$(grep -l "^To: $ADMIN" "$OUTBOX"/*.eml | sort | head -1)" | cut -d' ' -f3)
echo "1. Administrator's temporary password read from the outbox"
A=$(login "$ADMIN" "$TEMP")
echo "2. logged in; mustChangePassword forces a new password first:"
curl -s -o /dev/null -w '   GET /api/profiles -> %{http_code}\n' -H "Authorization: Bearer $A" "$BASE/api/profiles"
curl -sf -H "Authorization: Bearer $A" -H "$JSON" -d "{\"currentPassword\":\"$TEMP\",\"newPassword\":\"Admin#Demo2026\"}" "$BASE/api/auth/password"
echo "3. password changed"
echo "3b. the demo invoices by status (GET /api/invoices/summary):"
curl -sf -H "Authorization: Bearer $A" "$BASE/api/invoices/summary" | python3 -c 'import sys,json
for s in json.load(sys.stdin): print("   %-12s %3d invoices, total %12.2f, due %12.2f" % (s["status"], s["count"], s["amount"], s["amountDue"]))'
NUMBER=$(curl -sf -H "Authorization: Bearer $A" "$BASE/api/invoices?status=PENDING&size=1" | field '["items"][0]["number"]')
curl -sf -H "Authorization: Bearer $A" -H 'Accept: application/pdf' -o "boleto-$NUMBER.pdf" "$BASE/api/invoices/$NUMBER/boleto"
echo "   boleto of the overdue invoice $NUMBER saved as boleto-$NUMBER.pdf ($(head -c 5 "boleto-$NUMBER.pdf"), $(wc -c < "boleto-$NUMBER.pdf") bytes)"
PROFILE=$(curl -sf -H "Authorization: Bearer $A" -H "$JSON" -d '{"name":"Consulta de Faturas","functionalities":["INVOICES_VIEW"]}' "$BASE/api/profiles" | field '["id"]')
echo "4. profile 'Consulta de Faturas' created: $PROFILE"
EMAIL="carla.$RANDOM@demo.opera360.com.br"
curl -sf -H "Authorization: Bearer $A" -H "$JSON" -d "{\"name\":\"Carla Dias\",\"email\":\"$EMAIL\",\"profileId\":\"$PROFILE\"}" "$BASE/api/users" >/dev/null
echo "5. user $EMAIL created; her temporary password is in the outbox"
sleep 0.5
CTEMP=$(grep -h '^Senha temporária: ' "$(newest_mail_to "$EMAIL")" | cut -d' ' -f3)
C=$(login "$EMAIL" "$CTEMP")
curl -sf -H "Authorization: Bearer $C" -H "$JSON" -d "{\"currentPassword\":\"$CTEMP\",\"newPassword\":\"Carla#Faturas1\"}" "$BASE/api/auth/password"
echo "6. Carla logged in and changed her password; what she may do:"
curl -s -H "Authorization: Bearer $C" "$BASE/api/me" | field '["functionalities"]' | sed 's/^/   /'
curl -s -o /dev/null -w '   GET /api/users (needs USERS_MANAGE) -> %{http_code}\n' -H "Authorization: Bearer $C" "$BASE/api/users"
curl -s -o /dev/null -w '   GET /api/profiles (needs PROFILES_MANAGE or USERS_MANAGE) -> %{http_code}\n' -H "Authorization: Bearer $C" "$BASE/api/profiles"
