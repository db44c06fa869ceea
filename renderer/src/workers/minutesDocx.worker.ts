/**
 * A thread of the Word-record pool of the inspection package: the export worker starts these (nested workers) so
 * that the 记录.docx files are made on other cores while it zips the photos. They end with the export worker.
 */
import { meetingMinutesDocx } from '@shared/documents/meetingMinutes';
import { answerMinutesRequest, type MinutesRequest } from '@shared/package/minutesPool';

interface MinutesScope {
  onmessage: ((event: MessageEvent<MinutesRequest>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

// The page's lib types `self` as a Window; in this file it is a dedicated worker's scope.
const scope = self as unknown as MinutesScope;

scope.onmessage = (event) => {
  void answerMinutesRequest(event.data, meetingMinutesDocx).then((response) =>
    // The docx bytes own a plain ArrayBuffer (never shared): transferable.
    scope.postMessage(response, 'bytes' in response ? [response.bytes.buffer as ArrayBuffer] : []),
  );
};
