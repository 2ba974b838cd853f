/** One planned operation → one ldapts request. Values go as bytes, controls as written. */
import { Attribute, Change, type Client, type Control } from 'ldapts';
import { IncrementChange, ValueControl, modifyDn } from './ldaptsInternals';
import type { AttributeValues, ModifyChange, Operation, OperationControl } from './operations';

export async function sendOperation(client: Client, operation: Operation): Promise<void> {
  const controls = operation.controls.map(toControl);
  switch (operation.kind) {
    case 'add':
      return client.add(operation.dn, operation.attributes.map(toAttribute), controls);
    case 'delete':
      return client.del(operation.dn, controls);
    case 'modify':
      return client.modify(operation.dn, operation.changes.map(toChange), controls);
    case 'modrdn':
      return modifyDn(client, operation, controls);
  }
}

function toAttribute(attribute: AttributeValues): Attribute {
  return new Attribute({ type: attribute.type, values: attribute.values.map((value) => Buffer.from(value)) });
}

function toChange(change: ModifyChange): Change {
  const modification = toAttribute(change);
  return change.op === 'increment'
    ? new IncrementChange({ modification })
    : new Change({ operation: change.op, modification });
}

function toControl(control: OperationControl): Control {
  return new ValueControl(control.oid, control.critical, control.value);
}
