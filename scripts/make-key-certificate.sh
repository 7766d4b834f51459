#!/usr/bin/env bash
# Makes the certificate that encrypts the Data Protection key ring (the keys that encrypt passport numbers and dates
# of birth): a self-signed certificate with an RSA key in a password-protected PFX file, for
# DataProtection:Certificate:Path and DataProtection:Certificate:Password. The password comes from the environment
# variable DATA_PROTECTION_CERTIFICATE_PASSWORD, or is asked for. Keep the file and its password outside the
# database and its backups: whoever has the database, the file and the password can read every passport number.
# Usage: scripts/make-key-certificate.sh [file=secrets/key-ring.pfx] [days=3650]
set -euo pipefail
out=${1:-secrets/key-ring.pfx}
days=${2:-3650}
command -v openssl >/dev/null || { echo "openssl is missing: apt-get install openssl" >&2; exit 1; }
if [ -e "$out" ]; then
  echo "$out exists already: keys encrypted with it need it to be read. To replace it, make the new one elsewhere," >&2
  echo "set it as DataProtection:Certificate:Path and keep this one as DataProtection:Certificate:Previous:0." >&2
  exit 1
fi

if [ -z "${DATA_PROTECTION_CERTIFICATE_PASSWORD:-}" ]; then
  [ -t 0 ] || { echo "set DATA_PROTECTION_CERTIFICATE_PASSWORD, or run this in a terminal to be asked for the password" >&2; exit 1; }
  read -rsp "Password for $out: " first; echo >&2
  read -rsp "The same again: " second; echo >&2
  [ "$first" = "$second" ] || { echo "the two passwords differ" >&2; exit 1; }
  DATA_PROTECTION_CERTIFICATE_PASSWORD=$first
fi
[ "${#DATA_PROTECTION_CERTIFICATE_PASSWORD}" -ge 12 ] || { echo "the password needs at least 12 characters" >&2; exit 1; }
export DATA_PROTECTION_CERTIFICATE_PASSWORD

umask 077
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days "$days" \
  -subj "/CN=ForumManager key ring $(date -u +%Y-%m-%d)" -keyout "$work/key.pem" -out "$work/certificate.pem" 2>/dev/null
openssl pkcs12 -export -name "ForumManager key ring" -inkey "$work/key.pem" -in "$work/certificate.pem" \
  -passout env:DATA_PROTECTION_CERTIFICATE_PASSWORD -out "$out"
echo "Wrote $out ($(openssl x509 -in "$work/certificate.pem" -noout -fingerprint -sha1 | cut -d= -f2 | tr -d :), valid $days days)."
echo "Set DataProtection:Certificate:Path to its path and DataProtection:Certificate:Password to the password."
