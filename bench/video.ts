// `npm run bench -- --only video`: how fast Export → Video encodes at 1920×1080, 30 frames a second (issue 16), driven
// through the dialog as a user does: a whole story and a time span, as MP4 (H.264) and WebM (VP9). Frames a second is
// frames over wall time from "Record video" to the file; the page's own log splits a frame into drawing and encoding.
import { statSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';

export interface VideoOptions {
  browser: Browser;
  url: string;
  /** Length of each video in seconds (a story gets max(1, round(seconds / steps)) seconds a step, all its steps). */
  seconds: number;
  /** Wall-time cap for one recording in seconds: past it the bench presses Cancel and reports the frames done. */
  cap: number;
  readyProbe: string;
  log: (...a: unknown[]) => void;
}

export interface VideoRun {
  what: string; format: 'mp4' | 'webm';
  /** Frames encoded; all of them unless `cancelled`. */
  frames: number; planned: number; wallMs: number; fps: number; bytes: number; videoSeconds: number;
  /** From the page's log line: drawing and encoding milliseconds per frame. */
  drawMs?: number; encodeMs?: number;
  cancelled: boolean; skipped?: string;
}
export interface VideoResult { runs: VideoRun[]; notes: string[] }

interface Job { what: string; format: 'mp4' | 'webm'; source: 'story' | 'span' }

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('button', { name: 'Video…', exact: true }).click();
  return page.getByRole('dialog', { name: 'Video', exact: true });
}

export async function measureVideo(o: VideoOptions): Promise<VideoResult> {
  const context = await o.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.addInitScript(o.readyProbe);
  const page = await context.newPage();
  const notes: string[] = [];
  const lines: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'info' && m.text().startsWith('video')) lines.push(m.text());
    if (m.type() === 'error') notes.push(`console error: ${m.text().slice(0, 200)}`);
  });
  const runs: VideoRun[] = [];
  try {
    await page.goto(`${o.url}?lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 120_000, polling: 250 });
    await page.evaluate('window.__atlas.map.idle()');
    const jobs: Job[] = [
      { what: 'story', format: 'mp4', source: 'story' },
      { what: 'story', format: 'webm', source: 'story' },
      { what: 'span', format: 'mp4', source: 'span' },
      { what: 'span', format: 'webm', source: 'span' },
    ];
    for (const job of jobs) {
      const dialog = await openDialog(page);
      let what = job.what;
      if (job.source === 'story') {
        const story = dialog.getByRole('radio', { name: 'A story', exact: true });
        if (await story.isDisabled()) {
          runs.push({ what, format: job.format, frames: 0, planned: 0, wallMs: 0, fps: NaN, bytes: 0, videoSeconds: 0, cancelled: false, skipped: 'the dataset has no story' });
          await dialog.getByRole('button', { name: 'Close', exact: true }).click();
          continue;
        }
        await story.check();
        const select = dialog.getByRole('combobox', { name: 'Story', exact: true });
        const options = (await select.locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value))) as string[];
        await select.selectOption(options.includes('relationship') ? 'relationship' : options[0]);
        const steps = Number(await dialog.getByRole('spinbutton', { name: 'To step', exact: true }).getAttribute('max'));
        const perStep = Math.max(1, Math.round(o.seconds / steps));
        await dialog.getByRole('spinbutton', { name: 'From step', exact: true }).fill('1');
        await dialog.getByRole('spinbutton', { name: 'To step', exact: true }).fill(String(steps));
        await dialog.getByRole('spinbutton', { name: 'Seconds per step', exact: true }).fill(String(perStep));
        what = `story “${await select.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent?.trim())}”, all ${steps} steps at ${perStep} s`;
      } else {
        await dialog.getByRole('radio', { name: 'A time span', exact: true }).check();
        await dialog.getByRole('spinbutton', { name: 'Length in seconds', exact: true }).fill(String(o.seconds));
        const from = await dialog.getByLabel('From', { exact: true }).inputValue();
        const to = await dialog.getByLabel('To', { exact: true }).inputValue();
        what = `time span ${from} to ${to} in ${o.seconds} s`;
      }
      const format = dialog.getByRole('combobox', { name: 'Format', exact: true });
      const option = format.locator(`option[value="${job.format}"]`);
      if (await option.isDisabled()) {
        runs.push({ what, format: job.format, frames: 0, planned: 0, wallMs: 0, fps: NaN, bytes: 0, videoSeconds: 0, cancelled: false, skipped: 'this browser has no encoder for it' });
        await dialog.getByRole('button', { name: 'Close', exact: true }).click();
        continue;
      }
      await format.selectOption(job.format);
      const before = lines.length;
      const progress = dialog.locator('.progress-text');
      const t0 = performance.now();
      const download = page.waitForEvent('download', { timeout: o.cap * 1000 }).catch(() => null as Download | null);
      await dialog.getByRole('button', { name: 'Record video', exact: true }).click();
      let got = await download;
      const wallMs = performance.now() - t0;
      let cancelled = false, frames = 0, planned = 0, bytes = 0;
      if (!got) {
        // Over the cap: read how far it got, then cancel.
        const text = (await progress.textContent().catch(() => '')) ?? '';
        const m = /(\d+)\D+?(\d+)/.exec(text);
        frames = m ? Number(m[1]) : 0;
        planned = m ? Number(m[2]) : 0;
        cancelled = true;
        await dialog.getByRole('button', { name: 'Cancel', exact: true }).click().catch(() => {});
        await page.waitForFunction(() => !document.querySelector('dialog progress'), null, { timeout: 60_000 }).catch(() => {});
        got = null;
      } else {
        bytes = statSync((await got.path())!).size;
        await page.waitForFunction(() => /saved/i.test(document.querySelector('dialog [role="status"]')?.textContent ?? ''), null, { timeout: 30_000 }).catch(() => {});
      }
      // "video (mp4): 210 frames at 1920×1080 in 41.3 s, 5.1 frames a second; drawing 120 ms and encoding 60 ms a frame; 123 bytes"
      const line = lines.slice(before).find((l) => l.startsWith(`video (${job.format})`));
      const pm = line ? /: (\d+) frames .*?drawing (\d+) ms and encoding (\d+) ms/.exec(line) : null;
      if (pm) frames = planned = Number(pm[1]);
      else if (!cancelled) notes.push(`${what} (${job.format}): the page logged no speed line`);
      const run: VideoRun = {
        what, format: job.format, frames, planned, wallMs, fps: frames / (wallMs / 1000), bytes, videoSeconds: frames / 30,
        drawMs: pm ? Number(pm[2]) : undefined, encodeMs: pm ? Number(pm[3]) : undefined, cancelled,
      };
      runs.push(run);
      o.log(`video ${what} ${job.format}: ${frames}${cancelled ? ` of ${planned} (cancelled at the ${o.cap} s cap)` : ''} frames in ${(wallMs / 1000).toFixed(1)} s = ${run.fps.toFixed(2)} fps, ${(bytes / 1e6).toFixed(2)} MB`);
      await dialog.getByRole('button', { name: 'Close', exact: true }).click().catch(() => {});
    }
  } finally {
    await context.close();
  }
  return { runs, notes };
}

export function videoTable(r: VideoResult): string {
  const head = '| Video export, 1920×1080 at 30 fps (desktop context 1280×800) | Format | Frames | Wall time | Frames a second | Drawing / encoding a frame | File |\n|---|---|---|---|---|---|---|';
  const rows = r.runs.map((v) =>
    v.skipped
      ? `| ${v.what} | ${v.format.toUpperCase()} | skipped: ${v.skipped} | | | | |`
      : `| ${v.what} | ${v.format === 'mp4' ? 'MP4 (H.264)' : 'WebM (VP9)'} | ${v.frames}${v.cancelled ? ` of ${v.planned} (cancelled at the cap)` : ''} | ${(v.wallMs / 1000).toFixed(1)} s | ${v.fps.toFixed(2)} | ${v.drawMs !== undefined ? `${v.drawMs} / ${v.encodeMs} ms` : '—'} | ${v.bytes ? `${(v.bytes / 1e6).toFixed(2)} MB` : '—'} |`,
  );
  return [head, ...rows].join('\n');
}
