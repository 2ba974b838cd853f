/** Users as an IdM admin adds them, valid for the 389-DS default schema: the bench's entries to check. */
/** `count` adds of users as an IdM admin writes them, valid for the 389-DS default schema. */
export function userAdds(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      `dn: uid=user${i},ou=People,dc=example,dc=com`,
      'changetype: add',
      'objectClass: top',
      'objectClass: person',
      'objectClass: organizationalPerson',
      'objectClass: inetOrgPerson',
      'objectClass: posixAccount',
      `uid: user${i}`,
      `cn: User ${i}`,
      `sn: Number${i}`,
      `givenName: User`,
      `mail: user${i}@example.com`,
      `telephoneNumber: +1 555 ${String(i).padStart(4, '0')}`,
      `uidNumber: ${10000 + i}`,
      `gidNumber: ${10000 + i}`,
      `homeDirectory: /home/user${i}`,
      `loginShell: /bin/bash`,
      `description: generated user ${i}`,
      '',
    );
  }
  return out.join('\n');
}
