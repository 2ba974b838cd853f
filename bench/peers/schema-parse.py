# The peer: python-ldap's schema parser (what lib389 and dsconf use) on the same definitions,
# timed the same way (first call in a fresh process). Prints JSON.
import json, sys, time
import ldap.schema

with open(sys.argv[1]) as f:
    data = json.load(f)["definitions"]
entry = {name: [value.encode() for value in data.get(name, [])] for name in ("attributeTypes", "objectClasses", "ldapSyntaxes", "matchingRules")}
started = time.perf_counter()
schema = ldap.schema.SubSchema(entry)
first = (time.perf_counter() - started) * 1000
warm = []
for _ in range(5):
    started = time.perf_counter()
    ldap.schema.SubSchema(entry)
    warm.append((time.perf_counter() - started) * 1000)
warm.sort()
json.dump({"firstMs": first, "warmMs": warm[2], "objectClasses": len(schema.listall(ldap.schema.ObjectClass))}, sys.stdout)
