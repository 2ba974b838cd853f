#!/usr/bin/env bash
# The winsync lab: a real Samba AD domain controller and a real 389 Directory Server with a working
# Windows sync agreement between them, on one machine. Debian 12, run as root, no systemd.
#
# usage: scripts/lab.sh up|down|status|env|ad-user NAME|clean
#   up       install what is missing (Debian packages), create what is missing (Samba domain, 389-DS
#            instance, agreement), start what is stopped, reset the agreement to its baseline
#            settings, run its first total update; ends with LAB_* lines (and a VS Code profile).
#            Idempotent: a second `up` only checks.
#   down     stop everything `up` started (by PID), remove the network namespace; keep the data,
#            so the next `up` takes seconds
#   status   what runs, and the agreement's status attributes
#   env      the LAB_* lines only
#   ad-user  create a user in AD's synced container (cn=Users), for the demo: it appears in 389-DS
#   clean    down, then delete the Samba domain, the 389-DS instance and the lab's state
#
# Layout (same names, addresses and ports every time):
#   network namespace wsldif-lab, joined to the machine by a veth pair that exists only for the lab:
#     wsldif-lab0 10.231.14.1/30 (machine side) <-> wsldif-lab1 10.231.14.2/30 (namespace side)
#     The namespace has no other interface but its own lo and no default route.
#   Samba AD DC   in the namespace, listening on 10.231.14.2 only; realm AD.EXAMPLE.TEST,
#                 DC dc1.ad.example.test, data in /var/lib/winsync-ldif-lab/samba
#   389-DS        instance wsldif-lab on 127.0.0.1:39414 (LDAP) / 63914 (LDAPS), suffix dc=example,dc=com.
#                 It runs in the machine's network namespace, so tests and the editor reach it on
#                 loopback; it reaches AD over the veth pair. It resolves dc1.ad.example.test through
#                 its own hosts file, bind-mounted over /etc/hosts in a private mount namespace
#                 (scripts/ds389.sh DS_HOSTS_FILE): the machine's /etc/hosts is never edited.
#   agreement     cn=ad-sync: ou=People,dc=example,dc=com <-> cn=Users,dc=ad,dc=example,dc=test over
#                 LDAPS to dc1.ad.example.test:636 (Samba's CA imported into the instance), bind as
#                 the AD Administrator, winSyncInterval 2 s; OU=Outside in AD for out-of-scope moves.
# Passwords are random or fixed test fixtures in 0600 files; none is ever on a command line.
set -euo pipefail
cd "$(dirname "$0")/.."

NETNS=wsldif-lab
VETH_HOST=wsldif-lab0
VETH_NS=wsldif-lab1
HOST_IP=10.231.14.1
AD_IP=10.231.14.2
AD_HOST=dc1.ad.example.test
AD_REALM=AD.EXAMPLE.TEST
AD_DOMAIN=ad.example.test
AD_BASE=dc=ad,dc=example,dc=test
AD_USERS=cn=Users,$AD_BASE
AD_OUTSIDE=OU=Outside,$AD_BASE
AD_BIND=cn=Administrator,$AD_USERS
SYNC_INTERVAL=2

LAB_DIR=/var/lib/winsync-ldif-lab
SAMBA_DIR=$LAB_DIR/samba
SMB_CONF=$SAMBA_DIR/etc/smb.conf
SAMBA_PIDF=$SAMBA_DIR/run/samba.pid
SAMBA_CA=$SAMBA_DIR/private/tls/ca.pem
AD_PW_FILE=$LAB_DIR/ad.pw
AD_CA_FILE=$LAB_DIR/ad-ca.pem
SLAPD_HOSTS=$LAB_DIR/slapd-hosts
INITIALIZED=$LAB_DIR/agreement-initialized
TIMINGS=$LAB_DIR/timings.tsv

export DS_NAME=wsldif-lab DS_PORT=39414 DS_TLS_PORT=63914 DS_ROOT_PW='Lab-Root-389-14!'
export DS_STATE=$LAB_DIR/ds DS_HOSTS_FILE=$SLAPD_HOSTS
DS_SH=scripts/ds389.sh
DS_URL=ldap://127.0.0.1:$DS_PORT
DS_ROOT_DN='cn=Directory Manager'
DS_PW_FILE=$DS_STATE/root.pw
DS_CA_FILE=/etc/dirsrv/ssca/ca.crt
DS_CONF=/etc/dirsrv/slapd-$DS_NAME
DS_PIDF=/run/dirsrv/slapd-$DS_NAME.pid
DS_ERRORS=/var/log/dirsrv/slapd-$DS_NAME/errors
DS_SUFFIX=dc=example,dc=com
DS_PEOPLE=ou=People,$DS_SUFFIX
REPLICA_DN='cn=replica,cn=dc\3Dexample\2Cdc\3Dcom,cn=mapping tree,cn=config'
AGREEMENT_DN="cn=ad-sync,$REPLICA_DN"
CA_NICKNAME='Samba AD CA'

NS=(ip netns exec "$NETNS")
T0=$(date +%s.%N)
log() { printf 'lab %6.1fs  %s\n' "$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
record() { # NAME START: logs and appends to $TIMINGS how long NAME took since START
  local took; took=$(awk -v a="$2" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}')
  mkdir -p "$LAB_DIR"; printf '%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$1" "$took" >>"$TIMINGS"
  log "$1: ${took} s"
}
# timed NAME CMD...: runs CMD and records how long it took
timed() {
  local name=$1 t rc=0; shift; t=$(now)
  "$@" || rc=$?
  record "$name" "$t"
  return "$rc"
}

require_root() { [ "$(id -u)" = 0 ] || die "the lab needs root (network namespace, Samba, 389-DS); run it with sudo or as root"; }

# ------------------------------------------------------------------------------------------ install
packages_missing() {
  local missing=()
  command -v samba >/dev/null || missing+=(samba samba-ad-dc winbind)
  [ -d /usr/share/samba/setup/ad-schema ] || missing+=(samba-ad-provision)
  command -v certutil >/dev/null || missing+=(libnss3-tools)
  command -v ip >/dev/null || missing+=(iproute2)
  [ "${#missing[@]}" = 0 ] || printf '%s\n' "${missing[@]}"
}

lab_install() {
  bash "$DS_SH" install
  local missing; mapfile -t missing < <(packages_missing)
  [ "${#missing[@]}" = 0 ] && return 0
  log "installing ${missing[*]} (about a minute)"
  # Package scripts must not start smbd/nmbd/samba-ad-dc with the stock smb.conf (they would listen
  # on every interface): Debian's policy-rc.d answers "not now" to every service start.
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# written by winsync-ldif scripts/lab.sh for one apt-get run\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  local rc=0
  # --no-install-recommends leaves out samba-ad-provision unless named: provision then fails.
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get -o DPkg::Lock::Timeout=300 -qq install -y --no-install-recommends \
    "${missing[@]}" >/dev/null || rc=$?
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  [ "$rc" = 0 ] || die "apt-get install ${missing[*]} failed ($rc)"
}

# ------------------------------------------------------------------------------------------ network
lab_network() {
  ip netns list | grep -w "^$NETNS" >/dev/null || ip netns add "$NETNS"
  ip -n "$NETNS" link set lo up
  if ! ip link show "$VETH_HOST" >/dev/null 2>&1; then
    ip link add "$VETH_HOST" type veth peer name "$VETH_NS" netns "$NETNS"
  fi
  ip addr show dev "$VETH_HOST" | grep "inet $HOST_IP/" >/dev/null || ip addr add "$HOST_IP/30" dev "$VETH_HOST"
  ip -n "$NETNS" addr show dev "$VETH_NS" | grep "inet $AD_IP/" >/dev/null || ip -n "$NETNS" addr add "$AD_IP/30" dev "$VETH_NS"
  ip link set "$VETH_HOST" up
  ip -n "$NETNS" link set "$VETH_NS" up
  # Inside the namespace (ip netns exec bind-mounts these over /etc/hosts and /etc/resolv.conf):
  # the DC's name, and this machine's own name, so no tool asks Samba's DNS for it (slow).
  mkdir -p "/etc/netns/$NETNS" "$LAB_DIR"
  printf '127.0.0.1 localhost %s\n%s %s dc1\n::1 localhost\n' "$(hostname)" "$AD_IP" "$AD_HOST" >"/etc/netns/$NETNS/hosts"
  printf 'nameserver %s\nsearch %s\n' "$AD_IP" "$AD_DOMAIN" >"/etc/netns/$NETNS/resolv.conf"
  # What ns-slapd sees as /etc/hosts: the machine's, plus the DC.
  { grep -v "[[:space:]]$AD_HOST\([[:space:]]\|$\)" /etc/hosts || true; printf '%s %s\n' "$AD_IP" "$AD_HOST"; } >"$SLAPD_HOSTS.new"
  mv "$SLAPD_HOSTS.new" "$SLAPD_HOSTS"
}

network_down() {
  # Deleting the namespace deletes its end of the veth pair, and with it the machine's end.
  if ip netns list | grep -w "^$NETNS" >/dev/null; then ip netns del "$NETNS"; fi
  # (the kernel removes the pair asynchronously: it may vanish between the check and the delete)
  if ip link show "$VETH_HOST" >/dev/null 2>&1; then ip link del "$VETH_HOST" 2>/dev/null || true; fi
  rm -rf "/etc/netns/$NETNS"
  rmdir /etc/netns 2>/dev/null || true
}

# ------------------------------------------------------------------------------------------ Samba
write_smb_conf() {
  cat >"$SMB_CONF" <<EOF
# written by winsync-ldif scripts/lab.sh (provision's own file is smb.conf.provisioned)
[global]
	netbios name = DC1
	realm = $AD_REALM
	workgroup = AD
	server role = active directory domain controller
	server services = s3fs, rpc, ldap, cldap, kdc, drepl, winbindd, kcc, dns
	interfaces = $AD_IP
	bind interfaces only = yes
	disable netbios = yes
	idmap_ldb:use rfc2307 = yes
	binddns dir = $SAMBA_DIR/bind-dns
	cache directory = $SAMBA_DIR/cache
	lock directory = $SAMBA_DIR
	private dir = $SAMBA_DIR/private
	state directory = $SAMBA_DIR/state
	pid directory = $SAMBA_DIR/run
	ncalrpc dir = $SAMBA_DIR/run/ncalrpc
	winbindd socket directory = $SAMBA_DIR/run/winbindd
	log file = $SAMBA_DIR/log/log.%m
	logging = file
	log level = 1
	# one worker per service instead of four: about 150 MB instead of 380 MB
	prefork children = 1
	load printers = no
	printing = bsd
	printcap name = /dev/null
	disable spoolss = yes

[sysvol]
	path = $SAMBA_DIR/state/sysvol
	read only = no

[netlogon]
	path = $SAMBA_DIR/state/sysvol/$AD_DOMAIN/scripts
	read only = no
EOF
}

samba_provisioned() { [ -f "$SAMBA_DIR/private/sam.ldb" ] && [ -s "$AD_PW_FILE" ] && [ -f "$SMB_CONF.provisioned" ]; }

samba_provision() {
  rm -rf "$SAMBA_DIR" "$INITIALIZED"
  mkdir -p "$SAMBA_DIR"
  # No --adminpass: provision draws a random password and logs it, so it never is an argument.
  local out; out=$(umask 077; mktemp)
  if ! "${NS[@]}" samba-tool domain provision --targetdir="$SAMBA_DIR" --realm="$AD_REALM" --domain=AD \
    --server-role=dc --dns-backend=SAMBA_INTERNAL --use-rfc2307 --host-name=dc1 --host-ip="$AD_IP" >"$out" 2>&1; then
    tail -n 20 "$out" >&2; rm -f "$out"; die "samba-tool domain provision failed"
  fi
  local password; password=$(sed -n 's/^.*Admin password:[[:space:]]*//p' "$out" | tail -n 1)
  grep -v 'Admin password:' "$out" >"$LAB_DIR/provision.log" || true
  rm -f "$out"
  [ -n "$password" ] || die "samba-tool domain provision did not report the generated Administrator password"
  (umask 077; printf '%s' "$password" >"$AD_PW_FILE")
  cp "$SMB_CONF" "$SMB_CONF.provisioned"
  mkdir -p "$SAMBA_DIR/run" "$SAMBA_DIR/log" "$SAMBA_DIR/cache"
  write_smb_conf
}

samba_pid() {
  [ -f "$SAMBA_PIDF" ] || return 1
  local pid; pid=$(cat "$SAMBA_PIDF" 2>/dev/null) || return 1
  # Samba leaves its pid files behind, and renames its processes ("samba: root process"): only a
  # live /usr/sbin/samba in the lab's namespace counts.
  [ -n "$pid" ] && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = /usr/sbin/samba ] &&
    [ "$(ip netns identify "$pid" 2>/dev/null)" = "$NETNS" ] && printf '%s' "$pid"
}

ad_search() { # base, scope, filter, attributes...: LDAPS inside the namespace, as Administrator
  "${NS[@]}" env LDAPTLS_CACERT="$SAMBA_CA" timeout 20 ldapsearch -LLL -o ldif-wrap=no -x -H "ldaps://$AD_HOST" \
    -D "$AD_BIND" -y "$AD_PW_FILE" -b "$1" -s "$2" "$3" "${@:4}"
}
ad_modify() { "${NS[@]}" env LDAPTLS_CACERT="$SAMBA_CA" timeout 20 ldapmodify -x -H "ldaps://$AD_HOST" -D "$AD_BIND" -y "$AD_PW_FILE" >/dev/null; }

samba_start() {
  if samba_pid >/dev/null; then return 0; fi
  rm -f "$SAMBA_DIR"/run/*.pid
  # 9>&-: the daemon must not inherit (and keep) the lab's lock.
  "${NS[@]}" samba -s "$SMB_CONF" 9>&- || die "samba did not start; see $SAMBA_DIR/log/"
  # The TLS key and self-signed CA are generated on the first start.
  local deadline=$((SECONDS + 90))
  until [ -s "$SAMBA_CA" ] && ad_search "$AD_BASE" base '(objectClass=*)' dn >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || die "Samba did not answer LDAPS on $AD_HOST within 90 s; see $SAMBA_DIR/log/"
    samba_pid >/dev/null || [ "$SECONDS" -lt $((deadline - 80)) ] || die "samba exited; see $SAMBA_DIR/log/"
    sleep 0.2
  done
}

samba_stop() {
  local pid; pid=$(samba_pid) || { rm -f "$SAMBA_DIR"/run/*.pid 2>/dev/null; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "samba $pid still running after 30 s; sending KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$SAMBA_DIR"/run/*.pid
}

samba_content() {
  if ! ad_search "$AD_OUTSIDE" base '(objectClass=*)' dn 2>/dev/null | grep '^dn:' >/dev/null; then
    printf 'dn: %s\nchangetype: add\nobjectClass: organizationalUnit\nou: Outside\ndescription: outside the synced subtree (winsync lab)\n' "$AD_OUTSIDE" | ad_modify
  fi
  cp "$SAMBA_CA" "$AD_CA_FILE"
}

lab_samba() {
  samba_provisioned || timed samba_provision samba_provision
  write_smb_conf
  samba_pid >/dev/null || timed samba_start samba_start
  samba_content
}

# ------------------------------------------------------------------------------------------ 389-DS
ds() { bash "$DS_SH" "$@"; }
ds_running() { [ -f "$DS_PIDF" ] && kill -0 "$(cat "$DS_PIDF" 2>/dev/null)" 2>/dev/null; }
dsmodify() { timeout 30 ldapmodify -x -H "$DS_URL" -D "$DS_ROOT_DN" -y "$DS_PW_FILE" "$@" >/dev/null; }
dssearch() { timeout 30 ldapsearch -LLL -o ldif-wrap=no -x -H "$DS_URL" -D "$DS_ROOT_DN" -y "$DS_PW_FILE" "$@"; }
certdb() { certutil -d "$DS_CONF" -f "$DS_CONF/pwdfile.txt" "$@"; }

# Samba's CA in the instance's certificate database. ns-slapd reads CA certificates only at start,
# so this happens while it is stopped (a re-provisioned domain has a new CA: replace the old one).
trust_samba_ca() {
  local want have
  want=$(openssl x509 -in "$SAMBA_CA" -noout -fingerprint -sha256 | sed 's/.*=//')
  have=$(certdb -L -n "$CA_NICKNAME" -a 2>/dev/null | openssl x509 -noout -fingerprint -sha256 2>/dev/null | sed 's/.*=//') || true
  [ "$want" = "$have" ] && return 0
  if ds_running; then ds stop; fi
  [ -n "$have" ] && certdb -D -n "$CA_NICKNAME"
  certdb -A -n "$CA_NICKNAME" -t "CT,," -a -i "$SAMBA_CA"
  rm -f "$INITIALIZED"
  log "389-DS: trusts Samba's CA ($CA_NICKNAME)"
}

ds_entries() {
  # nsslapd-unhashed-pw-switch: 389-DS 2.3 defaults to off, and then winsync silently never sends
  # passwords to AD ("Failed to retrieve clear text password. Not syncing.").
  dsmodify <<EOF
dn: cn=config
changetype: modify
replace: nsslapd-unhashed-pw-switch
nsslapd-unhashed-pw-switch: on
EOF
  if ! dssearch -b "$REPLICA_DN" -s base dn >/dev/null 2>&1; then
    dsmodify <<EOF
dn: $REPLICA_DN
changetype: add
objectClass: top
objectClass: nsds5Replica
cn: replica
nsDS5ReplicaRoot: $DS_SUFFIX
nsDS5ReplicaType: 3
nsDS5Flags: 1
nsDS5ReplicaId: 1
EOF
  fi
  if ! dssearch -b "$DS_PEOPLE" -s base dn >/dev/null 2>&1; then
    printf 'dn: %s\nchangetype: add\nobjectClass: top\nobjectClass: organizationalUnit\nou: People\n' "$DS_PEOPLE" | dsmodify
  fi
  local password; password=$(cat "$AD_PW_FILE")
  if ! dssearch -b "$AGREEMENT_DN" -s base dn >/dev/null 2>&1; then
    rm -f "$INITIALIZED"
    dsmodify <<EOF
dn: $AGREEMENT_DN
changetype: add
objectClass: top
objectClass: nsDSWindowsReplicationAgreement
cn: ad-sync
description: winsync lab: ou=People <-> AD cn=Users
nsDS5ReplicaRoot: $DS_SUFFIX
nsDS5ReplicaHost: $AD_HOST
nsDS5ReplicaPort: 636
nsDS5ReplicaTransportInfo: LDAPS
nsDS5ReplicaBindDN: $AD_BIND
nsDS5ReplicaCredentials: $password
nsds7WindowsReplicaSubtree: $AD_USERS
nsds7DirectoryReplicaSubtree: $DS_PEOPLE
nsds7WindowsDomain: $AD_DOMAIN
nsds7NewWinUserSyncEnabled: on
nsds7NewWinGroupSyncEnabled: off
winSyncInterval: $SYNC_INTERVAL
winSyncMoveAction: none
EOF
  else
    # Back to the baseline, whatever the last test or demo changed. (Host and port are never
    # changed: 389-DS does not reload them on a live agreement.)
    dsmodify <<EOF
dn: $AGREEMENT_DN
changetype: modify
replace: nsDS5ReplicaCredentials
nsDS5ReplicaCredentials: $password
-
replace: nsDS5ReplicaBindDN
nsDS5ReplicaBindDN: $AD_BIND
-
replace: nsds7NewWinUserSyncEnabled
nsds7NewWinUserSyncEnabled: on
-
replace: nsds7NewWinGroupSyncEnabled
nsds7NewWinGroupSyncEnabled: off
-
replace: winSyncInterval
winSyncInterval: $SYNC_INTERVAL
-
replace: winSyncMoveAction
winSyncMoveAction: none
-
replace: oneWaySync
-
replace: nsds5ReplicaEnabled
nsds5ReplicaEnabled: on
EOF
  fi
}

agreement_value() { dssearch -b "$AGREEMENT_DN" -s base '(objectClass=*)' "$1" | sed -n "s/^$1: //Ip"; }

# The first total update: a new agreement only logs "Replica has no update vector" until one runs.
initialise() {
  printf 'dn: %s\nchangetype: modify\nreplace: nsds5BeginReplicaRefresh\nnsds5BeginReplicaRefresh: start\n' "$AGREEMENT_DN" | dsmodify
  local deadline=$((SECONDS + 120))
  while [ -n "$(agreement_value nsds5BeginReplicaRefresh)" ]; do
    [ "$SECONDS" -lt "$deadline" ] || die "the total update did not finish within 120 s; see $DS_ERRORS"
    sleep 0.2
  done
  local status; status=$(agreement_value nsds5replicaLastInitStatus)
  case "$status" in
    *'Total update succeeded'*) touch "$INITIALIZED" ;;
    *) die "the total update failed: $status (see $DS_ERRORS)" ;;
  esac
}

lab_ds() {
  if [ ! -f "$DS_CONF/dse.ldif" ]; then rm -f "$INITIALIZED"; timed ds_create ds create; fi
  trust_samba_ca
  if ! ds_running; then timed ds_start bash -c "bash $DS_SH start 9>&- && bash $DS_SH wait"; else ds wait; fi
  ds_entries
  [ -f "$INITIALIZED" ] || timed total_update initialise
}

# ------------------------------------------------------------------------------------------ output
lab_env() {
  local profile
  profile=$(printf '{"name":"winsync lab","url":"ldaps://localhost:%s","bindDn":"%s","caFile":"%s"}' "$DS_TLS_PORT" "$DS_ROOT_DN" "$DS_CA_FILE")
  cat <<EOF
LAB_URL=ldaps://localhost:$DS_TLS_PORT
LAB_BIND_DN=$DS_ROOT_DN
LAB_PASSWORD_FILE=$DS_PW_FILE
LAB_CA_FILE=$DS_CA_FILE
LAB_LDAP_URL=ldap://localhost:$DS_PORT
LAB_SUFFIX=$DS_SUFFIX
LAB_DS_SUBTREE=$DS_PEOPLE
LAB_AGREEMENT_DN=$AGREEMENT_DN
LAB_ERRORS_LOG=$DS_ERRORS
LAB_PID_FILE=$DS_PIDF
LAB_SYNC_INTERVAL=$SYNC_INTERVAL
LAB_AD_URL=ldaps://$AD_IP:636
LAB_AD_HOST=$AD_HOST
LAB_AD_BIND_DN=$AD_BIND
LAB_AD_PASSWORD_FILE=$AD_PW_FILE
LAB_AD_CA_FILE=$AD_CA_FILE
LAB_AD_BASE=$AD_BASE
LAB_AD_SUBTREE=$AD_USERS
LAB_AD_OUTSIDE=$AD_OUTSIDE
LAB_AD_DOMAIN=$AD_DOMAIN
LAB_VSCODE_PROFILE=$profile
EOF
}

# One lab command at a time (fd 9; daemons started meanwhile get 9>&- so they do not keep it).
take_lock() {
  require_root
  mkdir -p "$LAB_DIR"; chmod 700 "$LAB_DIR"
  exec 9>"$LAB_DIR/lock"
  flock -w 600 9 || die "another lab command holds $LAB_DIR/lock"
}

lab_up() {
  take_lock
  timed install lab_install
  lab_network
  lab_samba
  lab_ds
  log "up: Samba pid $(samba_pid), ns-slapd pid $(cat "$DS_PIDF")"
  record up "$T0"
  lab_env
  cat >&2 <<EOF

  winsync lab is up. VS Code: add this to "winsyncLdif.profiles" (the password is in $DS_PW_FILE):
    $(lab_env | sed -n 's/^LAB_VSCODE_PROFILE=//p')
  CLI:  node dist/cli.js status --url ldaps://localhost:$DS_TLS_PORT --bind-dn "$DS_ROOT_DN" \\
          --password-file $DS_PW_FILE --ca-file $DS_CA_FILE
  A user created in AD appears in $DS_PEOPLE within $SYNC_INTERVAL s: npm run lab -- ad-user NAME
EOF
}

lab_down() {
  take_lock
  if ds_running; then timed ds_stop ds stop; fi
  if samba_pid >/dev/null; then timed samba_stop samba_stop; fi
  network_down
  record down "$T0"
}

lab_status() {
  if samba_pid >/dev/null; then echo "samba: running (pid $(samba_pid)) in netns $NETNS on $AD_IP"; else echo "samba: stopped"; fi
  if ds_running; then echo "389-DS: running (pid $(cat "$DS_PIDF")) on 127.0.0.1:$DS_PORT/$DS_TLS_PORT"; else echo "389-DS: stopped"; fi
  if ds_running; then
    dssearch -b "$AGREEMENT_DN" -s base '(objectClass=*)' nsds5ReplicaEnabled oneWaySync winSyncMoveAction nsds7NewWinUserSyncEnabled \
      nsds5replicaLastUpdateStatus nsds5replicaLastUpdateStart nsds5replicaLastUpdateEnd nsds5replicaLastInitStatus \
      nsds5replicaUpdateInProgress
  fi
}

lab_ad_user() {
  local name=${1:-}
  [[ "$name" =~ ^[A-Za-z][A-Za-z0-9._-]{0,19}$ ]] || die "ad-user needs a user name: letters, digits, . _ - (at most 20)"
  samba_pid >/dev/null || die "the lab is not up: npm run lab -- up"
  ad_modify <<EOF
dn: CN=$name,$AD_USERS
changetype: add
objectClass: user
sAMAccountName: $name
userPrincipalName: $name@$AD_DOMAIN
givenName: $name
sn: Lab
displayName: $name Lab
description: created in AD by npm run lab -- ad-user
EOF
  echo "created CN=$name,$AD_USERS in AD; 389-DS shows uid=$name,$DS_PEOPLE within about $SYNC_INTERVAL s"
}

lab_clean() {
  lab_down
  ds remove
  rm -rf "$LAB_DIR"
}

case "${1:-}" in
  up) lab_up ;;
  down) lab_down ;;
  status) lab_status ;;
  env) lab_env ;;
  ad-user) lab_ad_user "${2:-}" ;;
  clean) lab_clean ;;
  *) echo "usage: npm run lab -- up|down|status|env|ad-user NAME|clean" >&2; exit 2 ;;
esac
