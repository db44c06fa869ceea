/** A worker_threads thread of the bench's Word-record pool (scripts/bench/minutesPool.ts bundles it). */
import { parentPort } from 'node:worker_threads';
import { meetingMinutesDocx } from '../../shared/documents/meetingMinutes';
import { answerMinutesRequest, type MinutesRequest } from '../../shared/package/minutesPool';

parentPort?.on('message', (request: MinutesRequest) => {
  void answerMinutesRequest(request, meetingMinutesDocx).then((response) =>
    // The docx bytes own a plain ArrayBuffer (never shared): transferable.
    parentPort?.postMessage(response, 'bytes' in response ? [response.bytes.buffer as ArrayBuffer] : []),
  );
});
