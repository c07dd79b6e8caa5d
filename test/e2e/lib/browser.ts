/**
 * Headless Debian Chromium for the browser scenarios (playwright-core never downloads a browser
 * here): launch it, keep its pages on loopback, and tell a real screenshot from a blank one.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-dev-shm-usage',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
}

/** A page that may load loopback URLs only; every other request is refused and listed in `blocked`. */
export async function loopbackPage(browser: Browser, blocked: string[]): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(30_000);
	await page.route('**/*', (route) => {
		const url = route.request().url();
		const host = new URL(url).hostname;
		if (host === '127.0.0.1' || host === 'localhost' || url.startsWith('data:')) return route.continue();
		blocked.push(url);
		return route.abort();
	});
	return page;
}

/** Pixel statistics of a PNG, computed by the browser itself (no image library needed). */
export async function imageStats(page: Page, png: Buffer): Promise<{ colors: number; stddev: number }> {
	return await page.evaluate(async (dataUrl) => {
		const img = new Image();
		img.src = dataUrl;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = img.width;
		canvas.height = img.height;
		const g = canvas.getContext('2d')!;
		g.drawImage(img, 0, 0);
		const { data } = g.getImageData(0, 0, img.width, img.height);
		const colors = new Set<number>();
		let sum = 0;
		let sumSq = 0;
		const n = data.length / 4;
		for (let i = 0; i < data.length; i += 4) {
			colors.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
			const y = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
			sum += y;
			sumSq += y * y;
		}
		const mean = sum / n;
		return { colors: colors.size, stddev: Math.sqrt(Math.max(0, sumSq / n - mean * mean)) };
	}, `data:image/png;base64,${png.toString('base64')}`);
}
