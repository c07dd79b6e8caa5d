/**
 * Runs `task` for every index below `count`, at most `limit` at a time, started in index order;
 * results come back in index order. Once a task throws, no further task starts, and the error of
 * the lowest failed index is thrown when the running ones have settled. A limit of 1 is a plain
 * sequential loop. The first task runs alone: what it settles once for every item (a JWT token that
 * pre-authentication mints, a token renewed after a 401) is then in place before the others start,
 * instead of each parallel first call minting its own.
 */
export async function runPool<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let failedAt = count;
	let failure: unknown;
	const runNext = async (): Promise<void> => {
		const index = next++;
		try {
			results[index] = await task(index);
		} catch (error) {
			if (index < failedAt) {
				failedAt = index;
				failure = error;
			}
		}
	};
	const worker = async (): Promise<void> => {
		while (next < count && failedAt === count) await runNext();
	};
	const workers = Math.max(1, Math.min(Math.floor(limit) || 1, count));
	if (workers > 1) await runNext();
	await Promise.all(Array.from({ length: workers }, worker));
	if (failedAt < count) throw failure;
	return results;
}
