/**
 * isomorphic-ws's own typings re-export `ws` and drag Node's types into browser code
 * (isomorphic-ws#8); in a browser bundle it is the global WebSocket, so type it as that.
 */
declare const WebSocketConstructor: typeof WebSocket;
export default WebSocketConstructor;
