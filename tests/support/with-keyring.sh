#!/bin/sh
# Runs a command against a real Secret Service of its own: a private D-Bus session with
# an unlocked gnome-keyring whose files live in a temporary folder, so a test never
# touches the user's keyring and leaves nothing behind. scripts/setup installs
# dbus-daemon, gnome-keyring and libsecret-tools (secret-tool, which the tests use to
# look into the keyring).
set -u
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
    if ! command -v "$tool" >/dev/null; then
        echo "with-keyring.sh: $tool is missing; run scripts/setup" >&2
        exit 1
    fi
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" XDG_RUNTIME_DIR="$dir/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$dir" "$XDG_RUNTIME_DIR"
# --unlock reads the new login keyring's password from standard input.
dbus-run-session -- sh -c 'printf "test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
    with-keyring "$@"
