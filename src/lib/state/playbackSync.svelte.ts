// Runs the one playback clock while the state asks for it: Play moves the playhead, story autoplay moves the step.
import { untrack } from 'svelte';
import { advancePlayhead, advanceSteps, animationFrames, runClock, type Frames } from './playback';
import type { AtlasState } from './AtlasState.svelte';

export function attachPlayback(atlas: AtlasState, frames: Frames = animationFrames) {
  $effect(() => {
    if (!atlas.playing) return;
    let carry = 0;
    return runClock((elapsed) => {
      const end = atlas.timeBounds[1];
      const r = advancePlayhead(atlas.time, carry, elapsed, atlas.speed, end);
      carry = r.carryMs;
      if (r.time !== atlas.time) atlas.setTime(r.time);
      if (r.done) atlas.pause();
      return !r.done;
    }, frames);
  });
  $effect(() => {
    if (!atlas.storyAutoplay || !atlas.storyId) return;
    const intervalMs = atlas.storyInterval * 1000;
    let carry = 0;
    return runClock((elapsed) => {
      const r = advanceSteps(carry, elapsed, intervalMs);
      carry = r.carryMs;
      if (r.steps) untrack(() => atlas.stepBy(1));
      return atlas.storyAutoplay;
    }, frames);
  });
}
