import { parentPort } from 'node:worker_threads';
import { foldParts, type FoldRequest, type FoldResponse } from './fold-parts';

/**
 * The thread that folds a document's stored parts into one state for compaction (UpdateFolder):
 * building a Y.Doc from the snapshot and some 500 updates takes 8–26 ms of CPU for a text of a
 * few pages, which on the server's thread would hold up every socket for that long.
 */
parentPort?.on('message', ({ id, parts }: FoldRequest) => {
  let response: FoldResponse;
  try {
    const state = foldParts(parts);
    response = { id, state };
    // A fresh buffer of its own (lib0's encoder): handed over, not copied.
    parentPort!.postMessage(response, [state.buffer as ArrayBuffer]);
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
    parentPort!.postMessage(response);
  }
});
