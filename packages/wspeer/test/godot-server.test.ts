import { pollUntil } from '@wspeer/test-kit';
import { describe, expect, inject, it } from 'vitest';
import { ErrorCode, State, WebSocketClient, WebSocketPeer } from 'wspeer';

const godotEcho = inject('urls').godotEcho;

describe('our client against a real Godot 3.2.3 WebSocketServer', () => {
  it('echoes text and binary frames with their types (WebSocketPeer)', async () => {
    const peer = new WebSocketPeer();
    expect(peer.connectToUrl(godotEcho)).toBe(ErrorCode.OK);
    await pollUntil(peer, () => peer.readyState === State.OPEN, 'open');
    expect(peer.selectedProtocol).toBe('');
    peer.sendText('héllo Godot ✓');
    peer.send(new Uint8Array([0, 255, 1, 254]));
    await pollUntil(peer, () => peer.getAvailablePacketCount() === 2, 'two echoes');
    expect(peer.getMessage()).toBe('héllo Godot ✓');
    expect(peer.wasStringPacket()).toBe(true);
    expect(Array.from(peer.getPacket())).toEqual([0, 255, 1, 254]);
    expect(peer.wasStringPacket()).toBe(false);
    peer.close(4001, 'bye');
    await pollUntil(peer, () => peer.readyState === State.CLOSED, 'closed');
    expect(peer.closeCode).toBe(4001);
    expect(peer.closeReason).toBe('bye');
  });

  it('hears a Godot-initiated close with its code and reason, trailing NUL removed (WebSocketClient)', async () => {
    const client = new WebSocketClient();
    const events: string[] = [];
    client.on('connection_established', (p) => events.push(`established:${p}`));
    client.on('server_close_request', (code, reason) => events.push(`close_request:${code}:${JSON.stringify(reason)}`));
    client.on('connection_closed', (clean) => events.push(`closed:${clean}`));
    expect(client.connectToUrl(godotEcho.replace('ws://', ''))).toBe(ErrorCode.OK);
    await pollUntil(client, () => events.length > 0, 'established');
    client.getPeer(1)?.sendText('!close 4002 godot says bye');
    await pollUntil(client, () => events.some((e) => e.startsWith('closed')), 'closed');
    expect(events).toEqual(['established:', 'close_request:4002:"godot says bye"', 'closed:true']);
    expect(client.getPeer(1)?.closeReason).toBe('godot says bye');
  });
});
