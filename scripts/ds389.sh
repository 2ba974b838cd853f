#!/usr/bin/env bash
# A real 389 Directory Server for the integration tests, on 127.0.0.1, without systemd.
# Debian 12, run as root. Every step is idempotent and every wait is bounded.
#
# usage: scripts/ds389.sh install|create|start|wait|seed|stop|remove|env|all
#   all   = install (when missing) + create (when missing) + start (when stopped) + wait + seed
#   env   = print the LDAP_TEST_* variables the integration tests read
#
# The passwords below are test fixtures for a throw-away instance. They are written to
# 0600 files under $DS_STATE so that no tool gets them on its command line.
set -euo pipefail

DS_NAME=${DS_NAME:-wsldif}
DS_PORT=${DS_PORT:-38999}
DS_TLS_PORT=${DS_TLS_PORT:-63699}
DS_SUFFIX=${DS_SUFFIX:-dc=example,dc=com}
DS_ROOT_PW=${DS_ROOT_PW:-Secret123!}
DS_AD_PW=${DS_AD_PW:-AdPass123!}
# The agreement points at a port where nothing listens: it only retries, harmlessly.
DS_AD_PORT=${DS_AD_PORT:-63998}
DS_STATE=${DS_STATE:-/run/winsync-ldif-ds/$DS_NAME}
# Optional: a hosts file that ns-slapd sees as /etc/hosts (in a private mount namespace), so it can
# resolve names the machine does not know (the winsync lab's AD host) without editing /etc/hosts.
DS_HOSTS_FILE=${DS_HOSTS_FILE:-}

CONF=/etc/dirsrv/slapd-$DS_NAME
PIDF=/run/dirsrv/slapd-$DS_NAME.pid
ERRLOG=/var/log/dirsrv/slapd-$DS_NAME/errors
URL=ldap://127.0.0.1:$DS_PORT
ROOT_DN="cn=Directory Manager"
ROOT_PW_FILE=$DS_STATE/root.pw
DEFAULTS_INF=/usr/share/dirsrv/inf/defaults.inf
CA_FILE=/etc/dirsrv/ssca/ca.crt
# LDAPI: the Unix socket that FreeIPA admins use with `ldapmodify -Y EXTERNAL -H ldapi://...` as root.
LDAPI_SOCKET=/run/slapd-$DS_NAME.socket
LDAPI_URL=ldapi://$(printf '%s' "$LDAPI_SOCKET" | sed 's|/|%2F|g')

log() { printf 'ds389: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# RFC 4514 escaping of the suffix as one RDN value, in the hex form 389-DS itself writes
# (dc=example,dc=com -> dc\3Dexample\2Cdc\3Dcom).
escaped_suffix() {
  printf '%s' "$DS_SUFFIX" | sed -e 's/\\/\\5C/g' -e 's/=/\\3D/g' -e 's/,/\\2C/g' -e 's/+/\\2B/g' \
    -e 's/"/\\22/g' -e 's/</\\3C/g' -e 's/>/\\3E/g' -e 's/;/\\3B/g'
}
REPLICA_DN="cn=replica,cn=$(escaped_suffix),cn=mapping tree,cn=config"
AGREEMENT_DN="cn=ad-sync,$REPLICA_DN"

is_installed() { [ -x /usr/sbin/ns-slapd ] && command -v dscreate >/dev/null && command -v ldapwhoami >/dev/null; }
instance_exists() { [ -f "$CONF/dse.ldif" ]; }
running_pid() {
  [ -f "$PIDF" ] || return 1
  local pid; pid=$(cat "$PIDF" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && printf '%s' "$pid"
}
port_in_use() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

write_secret_files() {
  install -d -m 0700 "$DS_STATE"
  # printf without newline: ldap tools read the whole file as the password.
  (umask 077; printf '%s' "$DS_ROOT_PW" >"$ROOT_PW_FILE")
}

ds_install() {
  if ! is_installed; then
    log "installing 389-ds-base (about 12 s)"
    local apt=(apt-get -o DPkg::Lock::Timeout=300 -qq)
    timeout 900 "${apt[@]}" update
    DEBIAN_FRONTEND=noninteractive timeout 900 "${apt[@]}" install -y --no-install-recommends \
      389-ds-base python3-lib389 ldap-utils >/dev/null
  fi
  # lib389 calls systemctl unless told there is no systemd; a package upgrade undoes this, so always re-apply.
  sed -i 's/^with_systemd = 1$/with_systemd = 0/' "$DEFAULTS_INF"
}

ds_create() {
  write_secret_files
  if instance_exists; then return 0; fi
  # A failed dscreate leaves a partial instance that blocks the next one.
  rm -rf "$CONF" "/var/lib/dirsrv/slapd-$DS_NAME" "/var/log/dirsrv/slapd-$DS_NAME" "/run/lock/dirsrv/slapd-$DS_NAME"
  for port in "$DS_PORT" "$DS_TLS_PORT"; do
    port_in_use "$port" && die "port $port is in use; pick free ones with DS_PORT / DS_TLS_PORT"
  done
  log "creating instance $DS_NAME on ports $DS_PORT/$DS_TLS_PORT (about 10 s)"
  local inf; inf=$(umask 077; mktemp)
  cat >"$inf" <<EOF
[general]
full_machine_name = localhost
start = False
[slapd]
instance_name = $DS_NAME
port = $DS_PORT
secure_port = $DS_TLS_PORT
root_password = $DS_ROOT_PW
self_sign_cert = True
[backend-userroot]
suffix = $DS_SUFFIX
create_suffix_entry = True
sample_entries = no
EOF
  # dscreate runs the server for a few seconds before listenhost can be set, listening on every
  # interface; a private network namespace with only loopback keeps that off the network.
  local isolate=()
  if unshare -n true 2>/dev/null; then
    isolate=(unshare -n sh -c 'ip link set lo up && exec "$@"' isolate)
  else
    log "unshare -n is not permitted here: dscreate will briefly listen on all interfaces"
  fi
  local rc=0
  timeout 180 "${isolate[@]}" dscreate from-file "$inf" >"$DS_STATE/dscreate.log" 2>&1 || rc=$?
  rm -f "$inf"
  [ "$rc" = 0 ] || { tail -n 20 "$DS_STATE/dscreate.log" >&2; die "dscreate failed (exit $rc)"; }
  # Loopback only. dse.ldif may only be edited while the server is stopped (start = False above).
  sed -i "s/^nsslapd-port: $DS_PORT\$/nsslapd-port: $DS_PORT\nnsslapd-listenhost: 127.0.0.1\nnsslapd-securelistenhost: 127.0.0.1/" "$CONF/dse.ldif"
  grep -q '^nsslapd-listenhost: 127.0.0.1$' "$CONF/dse.ldif" || die "could not restrict $CONF/dse.ldif to 127.0.0.1"
  ensure_ldapi
}

# LDAPI on $LDAPI_SOCKET with autobind, root (uid 0) mapped to the Directory Manager: SASL EXTERNAL
# binds without a password. Edits dse.ldif, so only while the server is stopped; idempotent.
ensure_ldapi() {
  local dse=$CONF/dse.ldif
  if grep -qx 'nsslapd-ldapilisten: on' "$dse" && grep -qx "nsslapd-ldapifilepath: $LDAPI_SOCKET" "$dse" &&
    grep -qx 'nsslapd-ldapiautobind: on' "$dse" && grep -qx "nsslapd-ldapimaprootdn: $ROOT_DN" "$dse"; then
    return 0
  fi
  sed -i -e '/^nsslapd-ldapilisten:/d' -e '/^nsslapd-ldapifilepath:/d' -e '/^nsslapd-ldapiautobind:/d' -e '/^nsslapd-ldapimaprootdn:/d' "$dse"
  sed -i "s|^nsslapd-port: $DS_PORT\$|nsslapd-port: $DS_PORT\nnsslapd-ldapilisten: on\nnsslapd-ldapifilepath: $LDAPI_SOCKET\nnsslapd-ldapiautobind: on\nnsslapd-ldapimaprootdn: $ROOT_DN|" "$dse"
  grep -qx "nsslapd-ldapifilepath: $LDAPI_SOCKET" "$dse" || die "could not enable LDAPI in $dse"
}

ds_start() {
  instance_exists || die "no instance $DS_NAME; run: $0 create"
  if running_pid >/dev/null; then return 0; fi
  for port in "$DS_PORT" "$DS_TLS_PORT"; do
    port_in_use "$port" && die "port $port is taken by another process; stop it or set DS_PORT / DS_TLS_PORT"
  done
  install -d -o dirsrv -g dirsrv /run/dirsrv "/run/lock/dirsrv/slapd-$DS_NAME"
  rm -f "$PIDF"  # stale, e.g. from the server dscreate ran
  ensure_ldapi
  # ns-slapd forks into the background itself; its stderr only carries a FIPS/TLS banner.
  if [ -n "$DS_HOSTS_FILE" ]; then
    [ -f "$DS_HOSTS_FILE" ] || die "DS_HOSTS_FILE $DS_HOSTS_FILE does not exist"
    # The daemon keeps the mount namespace; the machine's /etc/hosts is never touched.
    unshare -m --propagation private sh -c 'mount --bind "$1" /etc/hosts && exec /usr/sbin/ns-slapd -D "$2" -i "$3"' \
      ns-slapd "$DS_HOSTS_FILE" "$CONF" "$PIDF" >/dev/null 2>&1 || die "ns-slapd did not start; see $ERRLOG"
  else
    /usr/sbin/ns-slapd -D "$CONF" -i "$PIDF" >/dev/null 2>&1 || die "ns-slapd did not start; see $ERRLOG"
  fi
}

ds_wait() {
  write_secret_files
  local deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if timeout 5 ldapwhoami -x -H "$URL" -D "$ROOT_DN" -y "$ROOT_PW_FILE" >/dev/null 2>&1; then return 0; fi
    # ns-slapd writes its pid file only once it has forked; no live pid after 10 s means it died.
    [ $((deadline - SECONDS)) -lt 50 ] && ! running_pid >/dev/null && break
    sleep 0.3
  done
  tail -n 30 "$ERRLOG" >&2 2>/dev/null || true
  die "389-DS did not answer a bind on $URL within 60 s"
}

ldap_exists() {
  timeout 10 ldapsearch -x -H "$URL" -D "$ROOT_DN" -y "$ROOT_PW_FILE" -LLL -s base -b "$1" 1.1 >/dev/null 2>&1
}

# Adds the LDIF on stdin unless the entry $1 exists already.
ensure_entry() {
  local ldif; ldif=$(cat)
  ldap_exists "$1" && return 0
  printf '%s\n' "$ldif" | timeout 20 ldapadd -x -H "$URL" -D "$ROOT_DN" -y "$ROOT_PW_FILE" >/dev/null \
    || die "could not add $1"
}

ds_seed() {
  write_secret_files
  ensure_entry "$REPLICA_DN" <<EOF
dn: $REPLICA_DN
objectClass: top
objectClass: nsds5Replica
cn: replica
nsDS5ReplicaRoot: $DS_SUFFIX
nsDS5ReplicaType: 3
nsDS5Flags: 1
nsDS5ReplicaId: 1
EOF
  ensure_entry "ou=People,$DS_SUFFIX" <<EOF
dn: ou=People,$DS_SUFFIX
objectClass: top
objectClass: organizationalUnit
ou: People
EOF
  ensure_entry "$AGREEMENT_DN" <<EOF
dn: $AGREEMENT_DN
objectClass: top
objectClass: nsDSWindowsReplicationAgreement
cn: ad-sync
nsDS5ReplicaRoot: $DS_SUFFIX
nsDS5ReplicaHost: 127.0.0.1
nsDS5ReplicaPort: $DS_AD_PORT
nsDS5ReplicaTransportInfo: LDAP
nsDS5ReplicaBindDN: cn=sync,cn=Users,dc=ad,dc=example,dc=com
nsDS5ReplicaCredentials: $DS_AD_PW
nsds7WindowsReplicaSubtree: cn=Users,dc=ad,dc=example,dc=com
nsds7DirectoryReplicaSubtree: ou=People,$DS_SUFFIX
nsds7WindowsDomain: ad.example.com
nsds7NewWinUserSyncEnabled: on
nsds7NewWinGroupSyncEnabled: on
winSyncInterval: 300
winSyncMoveAction: none
EOF
}

ds_stop() {
  local pid
  pid=$(running_pid) || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  # With a replica and an agreement the server needs up to ~8 s to shut down.
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  log "ns-slapd $pid still running after 30 s; sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
}

ds_remove() {
  ds_stop
  if command -v dsctl >/dev/null && instance_exists; then
    timeout 60 dsctl "$DS_NAME" remove --do-it >/dev/null 2>&1 || true
  fi
  rm -rf "$CONF" "/var/lib/dirsrv/slapd-$DS_NAME" "/var/log/dirsrv/slapd-$DS_NAME" "/run/lock/dirsrv/slapd-$DS_NAME" "$DS_STATE"
}

ds_env() {
  cat <<EOF
LDAP_TEST_URL=ldap://localhost:$DS_PORT
LDAP_TEST_IP_URL=$URL
LDAP_TEST_TLS_URL=ldaps://localhost:$DS_TLS_PORT
LDAP_TEST_CA=$CA_FILE
LDAP_TEST_BIND_DN=$ROOT_DN
LDAP_TEST_PASSWORD_FILE=$ROOT_PW_FILE
LDAP_TEST_SUFFIX=$DS_SUFFIX
LDAP_TEST_AGREEMENT_DN=$AGREEMENT_DN
LDAP_TEST_PID_FILE=$PIDF
LDAP_TEST_LDAPI_URL=$LDAPI_URL
EOF
}

case "${1:-all}" in
  install) ds_install ;;
  create) ds_create ;;
  start) ds_start ;;
  wait) ds_wait ;;
  seed) ds_seed ;;
  stop) ds_stop ;;
  remove) ds_remove ;;
  env) ds_env ;;
  all) ds_install; ds_create; ds_start; ds_wait; ds_seed ;;
  *) echo "usage: $0 install|create|start|wait|seed|stop|remove|env|all" >&2; exit 2 ;;
esac
