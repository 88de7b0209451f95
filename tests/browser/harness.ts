// Shared browser-test plumbing: serve the built app, launch Debian Chromium, watch requests and console.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Server } from 'node:http';
import { serve } from '../../scripts/serve';

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export interface Harness {
  browser: Browser;
  server: Server;
  url: string;
  close: () => Promise<void>;
}

export async function startHarness(datasets?: Record<string, string>): Promise<Harness> {
  const { server, url } = await serve({ root: process.env.ATLAS_DIST ?? 'dist', port: 0, datasets });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_FLAGS });
  return {
    browser,
    server,
    url,
    close: async () => {
      await browser.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  /** Every request URL the page made. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

export async function openPage(h: Harness, opts: { width?: number; height?: number; reducedMotion?: boolean; phone?: boolean } = {}): Promise<Watched> {
  const context = await h.browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
    // A phone: touch events and the mobile viewport.
    ...(opts.phone ? { hasTouch: true, isMobile: true } : {}),
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, requests, errors };
}

/** Opens the atlas at `query` and waits for data-state ready (or error). */
export async function gotoAtlas(w: Watched, h: Harness, query = '', state: 'ready' | 'error' = 'ready') {
  await w.page.goto(`${h.url}${query ? `?${query}` : ''}`);
  await w.page.waitForSelector(`html[data-state="${state}"]`, { timeout: 60_000 });
}

/** The map's rendered place features, read through the page's MapLibre instance. */
export async function renderedPlaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const feats = (window as any).__atlas.map.renderedFeatures(['place-points', 'place-lines-hit', 'corridor', 'sea-lanes']);
    return [...new Set(feats.map((f: any) => String(f.id)))] as string[];
  });
}

export async function featureState(page: Page, id: string): Promise<Record<string, unknown>> {
  return page.evaluate((id) => (window as any).__atlas.map.featureState(id), id);
}

/** Waits until the map has finished rendering (no pending tiles or transitions). */
export async function mapIdle(page: Page) {
  await page.evaluate(() => (window as any).__atlas.map.idle());
}

/** Where a [lon, lat] is on the page, in CSS pixels, for pointer actions on the map. */
export async function onScreen(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => (window as any).__atlas.map.project(ll), lonLat);
}
