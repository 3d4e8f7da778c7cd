import { OidcPendingStore } from './oidc-pending.store';

const entry = { nonce: 'n', pkceVerifier: 'v', browserDigest: 'd' };
const at = (ms: number) => new Date(ms);

describe('OidcPendingStore', () => {
  it('gives a pending sign-in back once', () => {
    const store = new OidcPendingStore(10, 1_000);
    store.put('s1', entry, at(0));
    expect(store.take('s1', at(500))).toMatchObject(entry);
    expect(store.take('s1', at(500))).toBeUndefined();
  });

  it('forgets a sign-in past its age', () => {
    const store = new OidcPendingStore(10, 1_000);
    store.put('s1', entry, at(0));
    expect(store.take('s1', at(1_000))).toBeUndefined();
  });

  it('holds at most its cap, dropping the oldest, and sweeps the expired as it goes', () => {
    const store = new OidcPendingStore(3, 1_000);
    for (const state of ['a', 'b', 'c', 'd']) store.put(state, entry, at(0));
    expect(store.size).toBe(3);
    expect(store.take('a', at(1))).toBeUndefined();
    expect(store.take('d', at(1))).toBeDefined();
    store.put('e', entry, at(2_000));
    expect(store.size).toBe(1);
  });
});
