#!/usr/bin/env bash
# A throwaway OpenLDAP directory for the integration tests, on 127.0.0.1 only, shaped like a small
# Active Directory: people with uid, mail (as user principal name) and passwords; groups (groupOfNames,
# with the memberof overlay); a service account Keywarden binds with; a disabled (locked) account.
#   test-directory.sh start DIR PORT TLSPORT   fresh directory in DIR: StartTLS on PORT, LDAPS on TLSPORT
#   test-directory.sh stop DIR                  stops it (the data stays)
#   test-directory.sh resume DIR                starts it again on the same ports with the same data
# Its TLS certificate (self-signed, for 127.0.0.1 and localhost) is DIR/server.crt. Needs Debian's slapd
# and ldap-utils (apt-get install slapd ldap-utils). Test passwords only: see data.ldif below.
#
# Active Directory computers with BitLocker recovery information (msFVE-RecoveryInformation objects under the
# computer objects, named <date-time>{<recovery GUID>}, a "+" in the name escaped in the DN as "\+"; the schema
# is bitlocker-ad.schema next to this script),
# under ou=Computers,dc=corp,dc=example. The service account cn=keywarden,ou=services,dc=corp,dc=example
# (password service-password-for-tests) reads them all. Test-only values, which tests may rely on (GUIDs upper
# case; the directory stores them as 16 bytes in Windows order; "UTC" is the stored date-time in UTC):
#   cn=PC-AD-0001, dNSHostName pc-ad-0001.corp.example.com: two volumes
#     recovery 8A696888-99A7-4FAC-92C7-6CC497EA7BDF, volume AC376F35-2448-4461-A104-B174EB2DF7B3,
#       named 2024-03-05T10:22:33-08:00 (UTC 2024-03-05T18:22:33Z), with a key package (the 96 bytes of kp1 below),
#       password 294360-488367-131208-633534-472494-263131-493768-161392
#     recovery 91263F39-F322-4B13-ABBC-1B055DEEC8C9, volume 086C745F-81ED-45B1-B563-F27BBA6D7561,
#       named 2024-06-12T08:15:00+02:00 (UTC 2024-06-12T06:15:00Z), no key package,
#       password 299541-562925-433895-231022-214368-016632-444675-047443
#   cn=PC-AD-0002, dNSHostName pc-ad-0002.corp.example.com: one
#     recovery 17297365-D66B-40F2-85F4-DE7BD1BD8CD3, volume 1E50F74C-F683-498C-B043-7C772A2EF6C7,
#       named 2023-11-20T14:05:09-05:00 (UTC 2023-11-20T19:05:09Z),
#       password 608289-299178-544247-702493-496089-538714-115720-612733
#   cn=PC-AD-0003, dNSHostName pc-ad-0003.corp.example.com: one with an INVALID password (the third group,
#     123456, is not divisible by 11), for an import to report
#     recovery A90113B3-2647-4928-AEB4-A59FD7E34F58, volume 12CD996A-A806-4623-9406-A97F77030265,
#       named 2024-01-15T09:30:00+00:00 (UTC 2024-01-15T09:30:00Z),
#       password 260920-634590-123456-376035-186087-190718-321970-547668
#   cn=PC-AD-0004, no dNSHostName (so no domain): one importable, two a reader must skip
#     recovery 6D5EF7D0-10E3-4787-A26F-7A72B0BA9C98, no volume GUID, named {6D5EF7D0-...} without a date-time,
#       password 262768-263615-013541-201993-275088-519134-437426-404569
#     recovery C8C5F2EA-115D-48D0-BCF3-FA2527591762, volume BB593192-F895-477C-8B85-CC998C99B182,
#       named 2024-02-01T12:00:00-08:00, WITHOUT msFVE-RecoveryPassword (as an account that may not read it sees it)
#     named 2024-02-02T12:00:00-08:00{CD8B71CB-F595-40EB-A4C2-710929AA293C}, WITHOUT msFVE-RecoveryGuid,
#       password 562331-412379-179355-600479-077451-591294-281193-362208
# So a reader of ou=Computers gets 5 rows (one with the invalid password) and skips 2 objects.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
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
    # the Active Directory classes, copied so that resume does not depend on where this script is
    cp "$here/bitlocker-ad.schema" "$dir/bitlocker-ad.schema"
    openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=Keywarden test directory" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$dir/server.key" -out "$dir/server.crt" 2>/dev/null
    cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include $dir/bitlocker-ad.schema
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
# the service account's paged searches may return more than slapd's default 500 entries in all, as in
# Active Directory (a test may add many computers)
limits dn.exact="cn=keywarden,ou=services,$suffix" size.prtotal=unlimited
access to attrs=userPassword by anonymous auth by self write by * none
access to * by dn.exact="cn=keywarden,ou=services,$suffix" read by self read by * none
CONF
    run
    pw() { slappasswd -s "$1"; }
    # the key package of PC-AD-0001's first recovery object (96 test bytes)
    kp1=4xUg/ARP6TK6IIYQULq9enOSvQaJM5pm5jb+uocUQEOisvT9F4gLZcPsif1eZjiZYudxUB5+NgP3XYTd+XibXawP+MD2AnWUGIX6sAAV5XP1+jrfKuVriBxqrQq0w1A+
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

dn: ou=Computers,$suffix
objectClass: organizationalUnit
ou: Computers

dn: cn=PC-AD-0001,ou=Computers,$suffix
objectClass: computer
cn: PC-AD-0001
dNSHostName: pc-ad-0001.corp.example.com

dn: cn=2024-03-05T10:22:33-08:00{8A696888-99A7-4FAC-92C7-6CC497EA7BDF},cn=PC-AD-0001,ou=Computers,$suffix
objectClass: msFVE-RecoveryInformation
cn: 2024-03-05T10:22:33-08:00{8A696888-99A7-4FAC-92C7-6CC497EA7BDF}
msFVE-RecoveryPassword: 294360-488367-131208-633534-472494-263131-493768-161392
msFVE-RecoveryGuid:: iGhpiqeZrE+Sx2zEl+p73w==
msFVE-VolumeGuid:: NW83rEgkYUShBLF06y33sw==
msFVE-KeyPackage:: $kp1

dn: cn=2024-06-12T08:15:00\+02:00{91263F39-F322-4B13-ABBC-1B055DEEC8C9},cn=PC-AD-0001,ou=Computers,$suffix
objectClass: msFVE-RecoveryInformation
cn: 2024-06-12T08:15:00+02:00{91263F39-F322-4B13-ABBC-1B055DEEC8C9}
msFVE-RecoveryPassword: 299541-562925-433895-231022-214368-016632-444675-047443
msFVE-RecoveryGuid:: OT8mkSLzE0urvBsFXe7IyQ==
msFVE-VolumeGuid:: X3RsCO2BsUW1Y/J7um11YQ==

dn: cn=PC-AD-0002,ou=Computers,$suffix
objectClass: computer
cn: PC-AD-0002
dNSHostName: pc-ad-0002.corp.example.com

dn: cn=2023-11-20T14:05:09-05:00{17297365-D66B-40F2-85F4-DE7BD1BD8CD3},cn=PC-AD-0002,ou=Computers,$suffix
objectClass: msFVE-RecoveryInformation
cn: 2023-11-20T14:05:09-05:00{17297365-D66B-40F2-85F4-DE7BD1BD8CD3}
msFVE-RecoveryPassword: 608289-299178-544247-702493-496089-538714-115720-612733
msFVE-RecoveryGuid:: ZXMpF2vW8kCF9N570b2M0w==
msFVE-VolumeGuid:: TPdQHoP2jEmwQ3x3Ki72xw==

dn: cn=PC-AD-0003,ou=Computers,$suffix
objectClass: computer
cn: PC-AD-0003
dNSHostName: pc-ad-0003.corp.example.com

dn: cn=2024-01-15T09:30:00\+00:00{A90113B3-2647-4928-AEB4-A59FD7E34F58},cn=PC-AD-0003,ou=Computers,$suffix
objectClass: msFVE-RecoveryInformation
cn: 2024-01-15T09:30:00+00:00{A90113B3-2647-4928-AEB4-A59FD7E34F58}
msFVE-RecoveryPassword: 260920-634590-123456-376035-186087-190718-321970-547668
msFVE-RecoveryGuid:: sxMBqUcmKEmutKWf1+NPWA==
msFVE-VolumeGuid:: apnNEgaoI0aUBql/dwMCZQ==

dn: cn=PC-AD-0004,ou=Computers,$suffix
objectClass: computer
cn: PC-AD-0004

dn: cn={6D5EF7D0-10E3-4787-A26F-7A72B0BA9C98},cn=PC-AD-0004,ou=Computers,$suffix
objectClass: msFVE-RecoveryInformation
cn: {6D5EF7D0-10E3-4787-A26F-7A72B0BA9C98}
msFVE-RecoveryPassword: 262768-263615-013541-201993-275088-519134-437426-404569
msFVE-RecoveryGuid:: 0PdebeMQh0eib3pysLqcmA==

dn: cn=2024-02-01T12:00:00-08:00{C8C5F2EA-115D-48D0-BCF3-FA2527591762},cn=PC-AD-0004,ou=Computers,$suffix
objectClass: msFVE-RecoveryInformation
cn: 2024-02-01T12:00:00-08:00{C8C5F2EA-115D-48D0-BCF3-FA2527591762}
msFVE-RecoveryGuid:: 6vLFyF0R0Ei88/olJ1kXYg==
msFVE-VolumeGuid:: kjFZu5X4fEeLhcyZjJmxgg==

dn: cn=2024-02-02T12:00:00-08:00{CD8B71CB-F595-40EB-A4C2-710929AA293C},cn=PC-AD-0004,ou=Computers,$suffix
objectClass: msFVE-RecoveryInformation
cn: 2024-02-02T12:00:00-08:00{CD8B71CB-F595-40EB-A4C2-710929AA293C}
msFVE-RecoveryPassword: 562331-412379-179355-600479-077451-591294-281193-362208
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
