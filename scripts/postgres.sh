#!/usr/bin/env bash
# A throwaway PostgreSQL for the SQL storage driver's tests.
#
#   scripts/postgres.sh start DIR   install PostgreSQL from Debian's packages if it is missing (as
#                                   root), create a cluster in the new directory DIR, start it on
#                                   127.0.0.1 on a free port and print its DSN on stdout
#   scripts/postgres.sh stop DIR    stop that cluster and remove DIR
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to the "postgres" user (made
# by Debian's package; a system user "chartist-pg" is created when it does not exist). The
# cluster trusts local connections: it listens on 127.0.0.1 only and lives as long as the tests.
# Exit status 3 means PostgreSQL is absent and could not be installed (not root).
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit "${2:-1}"; }

find_bin() {
    # Debian keeps the server programs in /usr/lib/postgresql/VERSION/bin, outside PATH.
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v pg_ctl)"
        return 0
    fi
    return 1
}

ensure_installed() {
    if find_bin >/dev/null; then
        return 0
    fi
    [ "$(id -u)" -eq 0 ] || die "PostgreSQL is not installed and installing it needs root" 3
    # Parallel test workers start at once: one installs, the others wait for it.
    exec 9>/tmp/chartist-postgres-install.lock
    flock 9
    if ! find_bin >/dev/null; then
        echo "postgres.sh: installing PostgreSQL from Debian's packages" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq postgresql >&2
    fi
    flock -u 9
    find_bin >/dev/null || die "PostgreSQL was installed but initdb/pg_ctl are not found"
}

# as_owner CMD...: run CMD as the cluster's owner (root may not run PostgreSQL).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$OWNER" -- "$@"
    else
        "$@"
    fi
}

pick_owner() {
    OWNER="$(id -un)"
    if [ "$(id -u)" -eq 0 ]; then
        OWNER=postgres
        if ! id "$OWNER" >/dev/null 2>&1; then
            OWNER=chartist-pg
            id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OWNER"
        fi
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local dir="$1"
    ensure_installed
    local bin
    bin="$(find_bin)"
    pick_owner
    mkdir -p "$dir"
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
    chmod 0700 "$dir"
    [ "$(id -u)" -ne 0 ] || chown "$OWNER" "$dir"
    # The owner must be able to reach DIR: refuse a directory hidden behind a private parent.
    as_owner test -w "$dir" || die "$dir is not writable by $OWNER (choose a directory under /tmp)"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    local port attempt
    for attempt in 1 2 3; do
        port="$(free_port)"
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" \
            start >/dev/null 2>&1; then
            echo "$port" >"$dir/port"
            echo "postgresql://postgres@127.0.0.1:$port/postgres?sslmode=disable"
            return 0
        fi
    done
    cat "$dir/server.log" >&2 || true
    die "the server did not start"
}

stop() {
    local dir="$1"
    [ -d "$dir/data" ] || die "$dir holds no cluster"
    local bin
    bin="$(find_bin)"
    pick_owner
    if [ "$(id -u)" -eq 0 ]; then
        OWNER="$(stat -c %U "$dir/data")"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
start) [ $# -eq 2 ] || die "usage: $0 start DIR"; start "$2" ;;
stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
*) die "usage: $0 start DIR | stop DIR" ;;
esac
