#!/usr/bin/env bash
# A service token for runs of meeting-link-service without booking-service (AOT training, load runs):
#
#   deploy/local/throwaway-service-token.sh <dir> <subject> <lifetime seconds>
#
# writes a throwaway RSA key pair to <dir>/key.pem and <dir>/public.pem and prints a token signed with it, shaped like
# booking-service's service tokens (RS256, issuer therapy-booking, audience meeting-link-service, group service).
# Start meeting-link-service with JWT_PUBLIC_KEY_LOCATION=<dir>/public.pem to accept it.
set -euo pipefail
dir=$1 subject=$2 lifetime=$3
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/key.pem" 2>/dev/null
openssl pkey -in "$dir/key.pem" -pubout -out "$dir/public.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
input="$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$subject" | b64url).$(printf \
  '{"iss":"therapy-booking","aud":"meeting-link-service","sub":"%s","groups":["service"],"iat":%s,"exp":%s}' \
  "$subject" "$now" $((now + lifetime)) | b64url)"
printf '%s.%s\n' "$input" "$(printf '%s' "$input" | openssl dgst -sha256 -sign "$dir/key.pem" -binary | b64url)"
