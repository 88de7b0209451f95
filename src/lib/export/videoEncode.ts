// Encodes a video frame by frame with WebCodecs through Mediabunny: each frame is drawn on a canvas by the caller's
// `render(i)`, then added at its own timestamp (i / fps), so a slow machine makes the same smooth video, only later.
// Between frames the loop gives the event loop a turn, so the page stays usable; an AbortSignal cancels it.
import { VIDEO_FPS, VIDEO_HEIGHT, VIDEO_WIDTH } from './videoPlan';

export type VideoFormat = 'mp4' | 'webm';

/**
 * The codecs: H.264 High profile level 4.0 in MP4 (Constrained Baseline 3.1, avc1.42001f, is refused for 1080p by
 * Chromium's software encoder) and VP9 in WebM.
 */
export const VIDEO_FORMATS: Record<VideoFormat, { codec: 'avc' | 'vp9'; codecString: string; mime: string; extension: string }> = {
  mp4: { codec: 'avc', codecString: 'avc1.640028', mime: 'video/mp4', extension: 'mp4' },
  webm: { codec: 'vp9', codecString: 'vp09.00.40.08', mime: 'video/webm', extension: 'webm' },
};

/** A bitrate that keeps map lines and caption text clean at 1080p30. */
export const VIDEO_BITRATE = 8_000_000;

/** Which formats this browser can encode at 1920×1080 (false for both where WebCodecs is missing). */
export async function videoSupport(): Promise<Record<VideoFormat, boolean>> {
  const check = async (f: VideoFormat) => {
    if (typeof VideoEncoder === 'undefined' || typeof VideoEncoder.isConfigSupported !== 'function') return false;
    try {
      const r = await VideoEncoder.isConfigSupported({
        codec: VIDEO_FORMATS[f].codecString, width: VIDEO_WIDTH, height: VIDEO_HEIGHT, bitrate: VIDEO_BITRATE, framerate: VIDEO_FPS,
      });
      return r.supported === true;
    } catch {
      return false;
    }
  };
  const [mp4, webm] = await Promise.all([check('mp4'), check('webm')]);
  return { mp4, webm };
}

export interface EncodeOptions {
  /** The canvas `render` draws each frame on (1920×1080). */
  canvas: HTMLCanvasElement;
  frameCount: number;
  fps?: number;
  format: VideoFormat;
  render: (i: number) => Promise<void>;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** A turn for the event loop (input, painting) between frames. */
const yieldToPage = () => new Promise<void>((ok) => setTimeout(ok, 0));

export function abortError(): DOMException {
  return new DOMException('The video was cancelled', 'AbortError');
}

export interface EncodedVideo {
  blob: Blob;
  /** Time spent drawing frames (render) and handing them to the encoder and muxer (encode), in ms. */
  renderMs: number;
  encodeMs: number;
}

export async function encodeVideo(o: EncodeOptions): Promise<EncodedVideo> {
  const { Output, Mp4OutputFormat, WebMOutputFormat, BufferTarget, VideoSampleSource, VideoSample } = await import('mediabunny');
  const fps = o.fps ?? VIDEO_FPS;
  const spec = VIDEO_FORMATS[o.format];
  const target = new BufferTarget();
  const output = new Output({ format: o.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(), target });
  const source = new VideoSampleSource({ codec: spec.codec, fullCodecString: spec.codecString, bitrate: VIDEO_BITRATE, keyFrameInterval: 2, latencyMode: 'quality' });
  output.addVideoTrack(source, { frameRate: fps });
  let finished = false;
  let renderMs = 0, encodeMs = 0;
  try {
    await output.start();
    for (let i = 0; i < o.frameCount; i++) {
      if (o.signal?.aborted) throw abortError();
      const t0 = performance.now();
      await o.render(i);
      // The frame's pixels, read once into memory: the encoder gets plain pixels, not a snapshot of the canvas.
      const { width, height } = o.canvas;
      const pixels = o.canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, width, height).data;
      const t1 = performance.now();
      if (o.signal?.aborted) throw abortError();
      const sample = new VideoSample(pixels, { format: 'RGBX', codedWidth: width, codedHeight: height, timestamp: i / fps, duration: 1 / fps });
      try {
        await source.add(sample);
      } finally {
        sample.close();
      }
      renderMs += t1 - t0;
      encodeMs += performance.now() - t1;
      o.onProgress?.(i + 1, o.frameCount);
      await yieldToPage();
    }
    source.close();
    const t2 = performance.now();
    await output.finalize();
    encodeMs += performance.now() - t2;
    finished = true;
  } finally {
    if (!finished) await output.cancel().catch(() => {});
  }
  if (!target.buffer) throw new Error('the video could not be written');
  return { blob: new Blob([target.buffer], { type: spec.mime }), renderMs, encodeMs };
}
