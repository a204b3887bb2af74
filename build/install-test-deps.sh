#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing, so that
# `make test` works on a fresh Debian machine: PostgreSQL server binaries for
# the storage suite (jest's global setup starts a throwaway cluster of its own),
# Chromium for the end-to-end tests, and CJK fonts (without them Japanese and
# Chinese render as boxes in screenshots).
set -euo pipefail

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK-*' >/dev/null || missing+=(fonts-noto-cjk)
# The webhook signature test checks Baton's HMAC with openssl, an implementation independent of Node's.
command -v openssl >/dev/null || missing+=(openssl)

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Tests need these Debian packages: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) or set TEST_DATABASE_URL to a PostgreSQL >= 15 you own." >&2
  exit 1
fi

echo "Installing test dependencies: ${missing[*]}"
# The tests run their own cluster; do not let the package create and start the
# default one on port 5432.
mkdir -p /etc/postgresql-common
if [ ! -f /etc/postgresql-common/createcluster.conf ]; then
  echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}"
