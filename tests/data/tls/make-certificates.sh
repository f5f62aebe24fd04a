#!/usr/bin/env bash
# Makes the certificates the TLS fault tests serve. Run once; the results are committed,
# so the tests never depend on when they run. Each is self-signed, for the host named.
#   expired.crt        valid 2020-01-01 to 2021-01-01, for 127.0.0.1 and localhost
#   not-yet-valid.crt  valid 2090-01-01 to 2091-01-01, for 127.0.0.1 and localhost
#   wrong-host.crt     valid 2020-01-01 to 2120-01-01, for wrong-host.invalid only
# With the argument "live" it makes ../live-selfsigned.crt instead: CN=localhost, valid
# 2020-01-01 to 2120-01-01, for localhost and 127.0.0.1.
# `openssl req -x509` cannot set dates in the past or future (OpenSSL 3.0), so
# `openssl ca -selfsign` signs each request with the dates given.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/ca.cnf" <<'CNF'
[ca]
default_ca = fixtures
[fixtures]
database = $ENV::WORK/index.txt
new_certs_dir = $ENV::WORK
serial = $ENV::WORK/serial
default_md = sha256
policy = any
unique_subject = no
[any]
commonName = supplied
organizationName = optional
[local]
basicConstraints = critical, CA:FALSE
subjectAltName = IP:127.0.0.1, DNS:localhost
[live]
basicConstraints = critical, CA:TRUE
subjectAltName = DNS:localhost, IP:127.0.0.1
[wrong]
basicConstraints = critical, CA:FALSE
subjectAltName = DNS:wrong-host.invalid
CNF
export WORK=$work
make() { # name CN start end extensions
    : >"$work/index.txt"
    echo 1000 >"$work/serial"
    openssl req -new -newkey rsa:2048 -nodes -keyout "$1.key" -subj "/CN=$2/O=Webhook Designer Tests" \
        -out "$work/csr"
    openssl ca -batch -notext -selfsign -config "$work/ca.cnf" -keyfile "$1.key" -in "$work/csr" \
        -startdate "$3" -enddate "$4" -extensions "$5" -out "$1.crt"
}
if [ "${1:-}" = live ]; then
    make ../live-selfsigned localhost 20200101000000Z 21200101000000Z live
    exit 0
fi
make expired 127.0.0.1 20200101000000Z 20210101000000Z local
make not-yet-valid 127.0.0.1 20900101000000Z 20910101000000Z local
make wrong-host wrong-host.invalid 20200101000000Z 21200101000000Z wrong
