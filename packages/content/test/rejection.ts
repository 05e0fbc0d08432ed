import { ContentError } from '../src/content-error';

/** The ContentError a promise rejects with; fails when it resolves or rejects with something else. */
export async function rejection(promise: Promise<unknown>): Promise<ContentError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected a ContentError');
}
