/** Protocols of Godot's websocket_chat server. */
export const CHAT_PROTOCOLS = ['my-protocol', 'binary'];
