// Readiness: the atlas is ready when the map and the timeline have drawn; `<html data-state>` and atlas:ready follow.
// What the first view does not show joins once it is drawn, or after a few seconds whatever happens, never later.
export class Readiness {
  map = $state(false);
  timeline = $state(false);
  private waited = $state(false);
  readonly ready = $derived(this.map && this.timeline);
  readonly firstViewDrawn = $derived(this.ready || this.waited);

  constructor(maxWaitMs = 3000) {
    setTimeout(() => (this.waited = true), maxWaitMs);
  }

  mapDrawn() {
    this.map = true;
  }

  timelineDrawn() {
    this.timeline = true;
  }
}
