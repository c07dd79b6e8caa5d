// n8n creates one context object (execute, load-options, hook) per node run, so it keys
// "once per execution" work.
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs `load` once per node run and key (e.g. a template's roles for all items), sharing the
 * promise between items. A failed load is not kept, so the next item tries again.
 */
export async function oncePerExecution<T>(
	context: object,
	key: string,
	load: () => Promise<T>,
): Promise<T> {
	let memo = memos.get(context);
	if (!memo) {
		memo = new Map();
		memos.set(context, memo);
	}
	let pending = memo.get(key) as Promise<T> | undefined;
	if (!pending) {
		pending = load();
		memo.set(key, pending);
		pending.catch(() => memo.delete(key));
	}
	return await pending;
}
