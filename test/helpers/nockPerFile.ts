/**
 * Jest gives every test file a fresh module registry but one process per worker: each file's nock
 * would patch Node's http on top of the previous file's, and a reply error raised through a stale
 * patch becomes an unhandled 'error' event that kills the worker. Undo each file's patch.
 */
import nock from 'nock';

afterAll(() => {
	nock.cleanAll();
	nock.restore();
});
