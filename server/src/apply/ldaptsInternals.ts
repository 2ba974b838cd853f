/**
 * The few places where ldapts 8.2.0 (pinned) has no public API for what LDIF needs. All
 * private-member access lives here, and test/integration proves each one against 389-DS,
 * so an ldapts upgrade that changes them fails a test instead of misbehaving.
 */
import { BerWriter, Change, Client, Control, MessageResponseStatus, ModifyDNRequest, StatusCodeParser } from 'ldapts';
import type { Socket } from 'node:net';

interface ClientInternals {
  socket?: Socket;
  _ensureConnected(): Promise<void>;
  _nextMessageId(): number;
  _send(message: ModifyDNRequest): Promise<{ status: number } | undefined>;
}

function internals(client: Client): ClientInternals {
  return client as unknown as ClientInternals;
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
  const inner = internals(client);
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

/** Opens the TCP (or TLS, for ldaps://) connection; ldapts otherwise connects inside the first request. */
export async function connectNow(client: Client): Promise<void> {
  await internals(client)._ensureConnected();
}

/** Drops the connection at once (timeouts, cancel); unbind() would wait for the server. */
export function destroyConnection(client: Client): void {
  internals(client).socket?.destroy();
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
