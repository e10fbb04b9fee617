#!/usr/bin/env bash
# A throwaway OpenLDAP directory for the integration tests, on 127.0.0.1 only, shaped like a small
# Active Directory: people with uid, mail (as user principal name) and passwords; groups (groupOfNames,
# with the memberof overlay); a service account Keywarden binds with; a disabled (locked) account.
#   test-directory.sh start DIR PORT TLSPORT   fresh directory in DIR: StartTLS on PORT, LDAPS on TLSPORT
#   test-directory.sh stop DIR                  stops it (the data stays)
#   test-directory.sh resume DIR                starts it again on the same ports with the same data
# Its TLS certificate (self-signed, for 127.0.0.1 and localhost) is DIR/server.crt. Needs Debian's slapd
# and ldap-utils (apt-get install slapd ldap-utils). Test passwords only: see data.ldif below.
set -euo pipefail
command=${1:?usage: test-directory.sh start DIR PORT TLSPORT | stop DIR | resume DIR}
dir=${2:?usage: test-directory.sh start DIR PORT TLSPORT | stop DIR | resume DIR}
for tool in slapd ldapadd slappasswd openssl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
    echo "test-directory.sh: $tool not found; install it: sudo apt-get install -y slapd ldap-utils" >&2; exit 1; }
done
PATH=$PATH:/usr/sbin
suffix="dc=corp,dc=example"

stop() {
  if [ -f "$dir/slapd.pid" ]; then
    kill "$(cat "$dir/slapd.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$dir/slapd.pid" ] && kill -0 "$(cat "$dir/slapd.pid")" 2>/dev/null || break; sleep 0.1; done
    rm -f "$dir/slapd.pid"
  fi
}

run() {
  slapd -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$(cat "$dir/port")/ ldaps://127.0.0.1:$(cat "$dir/tlsport")/" \
    -s 0 2>>"$dir/slapd.log" || { cat "$dir/slapd.log" >&2; exit 1; }
  for _ in $(seq 1 100); do
    ldapsearch -x -H "ldap://127.0.0.1:$(cat "$dir/port")" -b "" -s base >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "test-directory.sh: slapd did not answer" >&2; cat "$dir/slapd.log" >&2; exit 1
}

case "$command" in
  start)
    port=${3:?TLS-less port missing}; tlsport=${4:?LDAPS port missing}
    stop || true
    rm -rf "$dir"; mkdir -p "$dir/data"
    echo "$port" >"$dir/port"; echo "$tlsport" >"$dir/tlsport"
    openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=Keywarden test directory" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$dir/server.key" -out "$dir/server.crt" 2>/dev/null
    cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
moduleload ppolicy
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
TLSCertificateFile $dir/server.crt
TLSCertificateKeyFile $dir/server.key
# binds with a password only over TLS (LDAPS or StartTLS), as a directory should be run
security simple_bind=128
database mdb
suffix "$suffix"
rootdn "cn=root,$suffix"
rootpw $(slappasswd -s root-secret-for-tests)
directory $dir/data
overlay memberof
memberof-group-oc groupOfNames
memberof-member-ad member
memberof-memberof-ad memberOf
overlay ppolicy
ppolicy_default "cn=default,ou=policies,$suffix"
ppolicy_use_lockout
access to attrs=userPassword by anonymous auth by self write by * none
access to * by dn.exact="cn=keywarden,ou=services,$suffix" read by self read by * none
CONF
    run
    pw() { slappasswd -s "$1"; }
    cat >"$dir/data.ldif" <<LDIF
dn: $suffix
objectClass: dcObject
objectClass: organization
dc: corp
o: Corp (Keywarden test directory)

dn: ou=people,$suffix
objectClass: organizationalUnit
ou: people

dn: ou=groups,$suffix
objectClass: organizationalUnit
ou: groups

dn: ou=services,$suffix
objectClass: organizationalUnit
ou: services

dn: ou=policies,$suffix
objectClass: organizationalUnit
ou: policies

dn: cn=default,ou=policies,$suffix
objectClass: device
objectClass: pwdPolicy
cn: default
pwdAttribute: userPassword
pwdLockout: TRUE
pwdMaxFailure: 0

dn: cn=keywarden,ou=services,$suffix
objectClass: inetOrgPerson
cn: keywarden
sn: Keywarden service account
uid: svc-keywarden
userPassword: $(pw service-password-for-tests)

dn: uid=dir.alice,ou=people,$suffix
objectClass: inetOrgPerson
cn: Alice Directory
sn: Directory
uid: dir.alice
mail: dir.alice@corp.example
userPassword: $(pw alice-password-for-tests)

dn: uid=dir.hank,ou=people,$suffix
objectClass: inetOrgPerson
cn: Hank Helpdesk
sn: Helpdesk
uid: dir.hank
mail: dir.hank@corp.example
userPassword: $(pw hank-password-for-tests)

dn: uid=dir.carol,ou=people,$suffix
objectClass: inetOrgPerson
cn: Carol Disabled
sn: Disabled
uid: dir.carol
mail: dir.carol@corp.example
userPassword: $(pw carol-password-for-tests)
pwdAccountLockedTime: 000001010000Z

dn: cn=Keywarden Helpdesk,ou=groups,$suffix
objectClass: groupOfNames
cn: Keywarden Helpdesk
member: uid=dir.hank,ou=people,$suffix

dn: cn=Keywarden Administrators,ou=groups,$suffix
objectClass: groupOfNames
cn: Keywarden Administrators
member: cn=keywarden,ou=services,$suffix
LDIF
    LDAPTLS_CACERT="$dir/server.crt" ldapadd -x -ZZ -H "ldap://127.0.0.1:$port" -D "cn=root,$suffix" -w root-secret-for-tests -f "$dir/data.ldif" >"$dir/ldapadd.log" 2>&1 \
      || { cat "$dir/ldapadd.log" >&2; exit 1; }
    echo "OpenLDAP test directory $suffix on 127.0.0.1:$port (StartTLS) and :$tlsport (LDAPS) in $dir"
    ;;
  resume)
    run
    echo "OpenLDAP test directory resumed"
    ;;
  stop)
    stop
    echo "OpenLDAP test directory stopped"
    ;;
  *) echo "test-directory.sh: unknown command $command" >&2; exit 2 ;;
esac
