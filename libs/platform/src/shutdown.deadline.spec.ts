import { armShutdownDeadline, type ShutdownHost } from './shutdown.deadline';

function fakeHost() {
  const listeners = new Map<string, () => void>();
  const exit = jest.fn();
  const write = jest.fn();
  const host = {
    once: (signal: string, listener: () => void) => listeners.set(signal, listener),
    exit,
    stderr: { write },
  } as unknown as ShutdownHost;
  return { host, exit, write, signal: (name: string) => listeners.get(name)?.() };
}

describe('armShutdownDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('exits with 1, naming the service and the signal, when the shutdown outlasts the deadline', () => {
    const { host, exit, write, signal } = fakeHost();
    armShutdownDeadline('gateway', host, 20_000);
    signal('SIGTERM');
    jest.advanceTimersByTime(19_999);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
    expect(write).toHaveBeenCalledWith(
      expect.stringMatching(/^gateway: shutdown after SIGTERM did not finish within 20000 ms/),
    );
  });

  it('does nothing until a signal comes, and its timer keeps no process alive', () => {
    const { host, exit, signal } = fakeHost();
    armShutdownDeadline('node MR', host, 1_000);
    jest.advanceTimersByTime(5_000);
    expect(exit).not.toHaveBeenCalled();
    const setTimer = jest.spyOn(global, 'setTimeout');
    signal('SIGINT');
    const timer = setTimer.mock.results[0]?.value as NodeJS.Timeout;
    setTimer.mockRestore();
    expect(timer.hasRef()).toBe(false);
  });
});
