import { describe, expect, it } from 'vitest';
import { RemoteNodes } from '../src/remote-nodes.js';

function table() {
  const events: string[] = [];
  const nodes = new RemoteNodes({ joined: (id) => events.push(`+${id}`), left: (id) => events.push(`-${id}`) });
  return { nodes, events };
}

describe('RemoteNodes', () => {
  it('reports each join and leave once, and reconciles a snapshot', () => {
    const { nodes, events } = table();
    expect(nodes.heard('b', 1, 0)).toBe(0);
    nodes.join('b', 10);
    nodes.join('b', 10);
    nodes.join('b', 11);
    nodes.leave('b', 12);
    nodes.reconcile('b', [11, 13]);
    expect(events).toEqual(['+10', '+11', '-10', '+13']);
    expect([...nodes.ids()].sort()).toEqual([11, 13]);
    expect(nodes.has(13)).toBe(true);
    expect(nodes.peerCount).toBe(2);
  });

  it('ignores a repeated batch, counts missed ones, and finds silent nodes', () => {
    const { nodes } = table();
    nodes.heard('b', 5, 0);
    expect(nodes.heard('b', 5, 10)).toBe(false);
    expect(nodes.heard('b', 4, 10)).toBe(false);
    expect(nodes.heard('b', 8, 100)).toBe(2);
    nodes.heard('c', 1, 50);
    expect(nodes.silentSince(60)).toEqual(['c']);
    nodes.heard('d', 0xffffffff, 110);
    expect(nodes.heard('d', 0, 120)).toBe(0); // the sequence wraps around
    expect(nodes.heard('d', 0xfffffff0, 130)).toBe(false); // behind: an old batch
  });

  it('drops a node: all its peers leave, its ids are no longer known', () => {
    const { nodes, events } = table();
    nodes.heard('b', 1, 0);
    nodes.join('b', 1000);
    nodes.join('b', 1001);
    nodes.heard('c', 1, 0);
    nodes.join('c', 2000);
    expect(nodes.drop('b')).toBe(2);
    expect(events).toEqual(['+1000', '+1001', '+2000', '-1000', '-1001']);
    expect(nodes.has(1000)).toBe(false);
    expect(nodes.nodeCount).toBe(1);
    nodes.join('b', 1002); // an unknown node's entries are ignored until it is heard again
    expect(nodes.has(1002)).toBe(false);
  });
});
