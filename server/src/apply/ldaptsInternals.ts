/**
 * What ldapts 8.2.0 (pinned) has no public API for. Connecting and dropping connections go
 * through its documented connection factories (connection.ts); what is left is ModifyDN with
 * an explicit deleteOldRdn, which needs three private members. test/integration proves it
 * against 389-DS, so an ldapts upgrade that changes them fails a test instead of misbehaving.
 */
import { BerWriter, Change, Client, Control, MessageResponseStatus, ModifyDNRequest, StatusCodeParser } from 'ldapts';

interface ClientInternals {
  _ensureConnected(): Promise<void>;
  _nextMessageId(): number;
  _send(message: ModifyDNRequest): Promise<{ status: number } | undefined>;
}

/**
 * ModifyDN with an explicit deleteOldRdn: ldapts' `modifyDN` always sends deleteOldRdn=true
 * and splits the new DN itself, so `deleteoldrdn: 0` could not be honoured.
 */
export async function modifyDn(
  client: Client,
  request: { dn: string; newRdn: string; deleteOldRdn: boolean; newSuperior: string | undefined },
  controls: Control[],
): Promise<void> {
  const inner = client as unknown as ClientInternals;
  await inner._ensureConnected();
  const message = new ModifyDNRequest({
    messageId: inner._nextMessageId(),
    dn: request.dn,
    newRdn: request.newRdn,
    deleteOldRdn: request.deleteOldRdn,
    ...(request.newSuperior !== undefined ? { newSuperior: request.newSuperior } : {}),
    controls,
  });
  const result = await inner._send(message);
  if (result?.status !== MessageResponseStatus.Success) throw StatusCodeParser.parse(result as never);
}

/** The error ldapts raises for an LDAP result: what a dry run predicts is explained as the real answer would be. */
export function resultError(code: number, text: string): Error {
  return StatusCodeParser.parse({ status: code, errorMessage: text } as never);
}

/** RFC 4525 increment; ldapts' Change only writes add, delete and replace. */
export class IncrementChange extends Change {
  override write(writer: BerWriter): void {
    writer.startSequence();
    writer.writeEnumeration(3);
    this.modification.write(writer);
    writer.endSequence();
  }
}

/** A request control with an optional value; ldapts' base Control writes no value. */
export class ValueControl extends Control {
  constructor(
    oid: string,
    critical: boolean,
    private readonly value: Uint8Array | undefined,
  ) {
    super(oid, { critical });
  }

  protected override writeControl(writer: BerWriter): void {
    if (this.value) writer.writeBuffer(Buffer.from(this.value), 0x04);
  }
}
