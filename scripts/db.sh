#!/usr/bin/env bash
# Private PostgreSQL clusters for nCEN development and tests.
#   scripts/db.sh start NAME PORT   create (first time) and start the cluster NAME on 127.0.0.1:PORT
#   scripts/db.sh stop NAME         stop it
#   scripts/db.sh dir NAME          print where its data lives
#   scripts/db.sh database NAME PORT DB
#                                   make sure the roles ncen_owner (owns the schema, migrates)
#                                   and ncen_app (the server's runtime role, owns nothing) and
#                                   the database DB exist; print DATABASE_URL (as ncen_app) and
#                                   DATABASE_OWNER_URL as shell exports. A database made before
#                                   the two roles stays owned by postgres, which migrates it.
# Clusters live under .data/NAME, or under /tmp when the postgres user cannot reach .data
# (a checkout under /root, say). When run as root, PostgreSQL runs as `postgres`.
set -euo pipefail

cmd=${1:?usage: db.sh start|stop|dir NAME [PORT]}
name=${2:?cluster name}
port=${3:-55432}
repo=$(cd "$(dirname "$0")/.." && pwd)

find_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] || continue
    local v; v=$(basename "$(dirname "$d")")
    if [[ "$v" =~ ^[0-9]+$ ]] && (( v >= 15 )); then best=$d; fi
  done
  if [[ -z "$best" ]] && command -v initdb >/dev/null 2>&1; then best=$(dirname "$(command -v initdb)"); fi
  if [[ -z "$best" ]]; then
    echo "PostgreSQL 15 or later is needed. Install it: sudo apt-get install postgresql postgresql-contrib" >&2
    exit 1
  fi
  echo "$best"
}

as_pg() {
  # From / so that postgres is never asked to enter a folder it cannot (e.g. under /root).
  if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

can_reach() { # can the cluster's user create and enter $1?
  local dir=$1
  mkdir -p "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir" 2>/dev/null || return 1
    runuser -u postgres -- test -x "$dir" -a -w "$dir"
  else
    test -w "$dir"
  fi
}

data_root() {
  local root="$repo/.data"
  if can_reach "$root" 2>/dev/null; then echo "$root"; return; fi
  root="/tmp/ncen-$(echo -n "$repo" | sha1sum | cut -c1-12)"
  mkdir -p "$root"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$root"
  echo "$root"
}

root=$(data_root)
dir="$root/$name"

case "$cmd" in
  dir) echo "$dir" ;;
  start)
    bin=$(find_bin)
    if [[ ! -f "$dir/PG_VERSION" ]]; then
      mkdir -p "$dir"
      [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
      as_pg "$bin/initdb" -D "$dir" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
CONF
      if [[ "$name" == *test* ]]; then
        # Throwaway test data: durability does not matter, speed does.
        printf "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" >>"$dir/postgresql.conf"
      fi
    fi
    if as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then exit 0; fi
    as_pg "$bin/pg_ctl" -D "$dir" -o "-p $port" -l "$dir/server.log" -w -t 60 start >/dev/null
    ;;
  database)
    db=${4:?database name}
    psql=(env PGOPTIONS=--client-min-messages=warning psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA -d postgres)
    "${psql[@]}" -c "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ncen_owner') THEN CREATE ROLE ncen_owner LOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ncen_app') THEN CREATE ROLE ncen_app LOGIN; END IF;
      END \$\$" -c "GRANT pg_read_all_stats TO ncen_app" >/dev/null
    if [[ -z $("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
      "${psql[@]}" -c "CREATE DATABASE \"$db\" OWNER ncen_owner" >/dev/null
    fi
    owner=$("${psql[@]}" -c "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '$db'")
    echo "export DATABASE_URL=postgres://ncen_app@127.0.0.1:$port/$db"
    echo "export DATABASE_OWNER_URL=postgres://$owner@127.0.0.1:$port/$db"
    ;;
  stop)
    bin=$(find_bin)
    if [[ -f "$dir/PG_VERSION" ]] && as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
