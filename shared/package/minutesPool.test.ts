import { describe, expect, it } from 'vitest';
import type { MeetingMinutes } from '../meetings';
import { answerMinutesRequest, createMinutesPool, type MinutesRequest, type MinutesResponse, type MinutesThread } from './minutesPool';

/** A thread that answers when told to, so that the test decides the order. */
function fakeThread() {
  const received: MinutesRequest[] = [];
  let answer: (response: MinutesResponse) => void = () => undefined;
  let fail: (message: string) => void = () => undefined;
  const thread: MinutesThread = {
    post: (request) => received.push(request),
    listen: (handler) => (answer = handler),
    listenError: (handler) => (fail = handler),
  };
  return { thread, received, answer: (response: MinutesResponse) => answer(response), fail: (message: string) => fail(message) };
}

const minutes = (heading: string) => ({ heading }) as unknown as MeetingMinutes;

describe('createMinutesPool', () => {
  it('spreads jobs over the threads with the fewest waiting and matches answers by id, in any order', async () => {
    const [a, b] = [fakeThread(), fakeThread()];
    const pool = createMinutesPool([a.thread, b.thread]);
    const first = pool.render(minutes('一'));
    const second = pool.render(minutes('二'));
    const third = pool.render(minutes('三'));
    expect(a.received.map((r) => r.minutes.heading)).toEqual(['一', '三']);
    expect(b.received.map((r) => r.minutes.heading)).toEqual(['二']);
    expect(pool.pending()).toBe(3);
    b.answer({ id: b.received[0].id, bytes: new Uint8Array([2]) });
    a.answer({ id: a.received[1].id, bytes: new Uint8Array([3]) });
    a.answer({ id: a.received[0].id, error: 'docx 出错' });
    expect([...(await second)]).toEqual([2]);
    expect([...(await third)]).toEqual([3]);
    await expect(first).rejects.toThrow('生成会议记录 Word 文件时出错：docx 出错');
    expect(pool.pending()).toBe(0);
  });

  it('fails the jobs of a thread that could not start, sends it no more, and refuses when none is left', async () => {
    const [a, b] = [fakeThread(), fakeThread()];
    const pool = createMinutesPool([a.thread, b.thread]);
    const onA = pool.render(minutes('一'));
    a.fail('后台线程无法启动');
    await expect(onA).rejects.toThrow('后台线程无法启动');
    const onB = [pool.render(minutes('二')), pool.render(minutes('三'))];
    expect(b.received).toHaveLength(2);
    expect(a.received).toHaveLength(1);
    b.fail('崩溃');
    for (const job of onB) {
      await expect(job).rejects.toThrow('崩溃');
    }
    await expect(pool.render(minutes('四'))).rejects.toThrow('没有可用的后台线程');
  });

  it('answers a request with the bytes, or with the error message', async () => {
    expect(await answerMinutesRequest({ id: 7, minutes: minutes('x') }, async () => new Uint8Array([1]))).toEqual({ id: 7, bytes: new Uint8Array([1]) });
    expect(await answerMinutesRequest({ id: 8, minutes: minutes('x') }, async () => Promise.reject(new Error('坏了')))).toEqual({ id: 8, error: '坏了' });
  });
});
