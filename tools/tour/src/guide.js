// The guided tour: the centre's waypoints in order, each with its caption, previous / next
// buttons, a list of places to jump to, and the zone the visitor stands in.

import * as THREE from 'three';
import { t, pick, onLanguageChange } from './i18n.js';

export class Guide {
  constructor(tour, walker, root) {
    this.waypoints = tour.waypoints ?? [];
    this.zones = tour.zones ?? [];
    this.walker = walker;
    this.root = root;
    this.index = Math.max(0, this.waypoints.findIndex((w) => w.id === tour.start));
    this.zone = undefined;
    this.away = false;
    this.onPlacesOpen = null;  // the other panels make way for the list

    this.caption = root.querySelector('#caption-text');
    this.step = root.querySelector('#caption-step');
    this.prevButton = root.querySelector('#guide-prev');
    this.nextButton = root.querySelector('#guide-next');
    this.placesButton = root.querySelector('#guide-places');
    this.places = document.querySelector('#places');
    this.placesList = this.places.querySelector('ol');
    this.zoneBadge = document.querySelector('#zone-badge');

    this.prevButton.addEventListener('click', () => this.previous());
    this.nextButton.addEventListener('click', () => this.next());
    this.placesButton.addEventListener('click', () => this.togglePlaces());
    this.places.querySelector('.close').addEventListener('click', () => this.togglePlaces(false));
    window.addEventListener('keydown', (e) => {
      if (!walker.enabled || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.code === 'PageDown' || e.code === 'KeyN') this.next();
      if (e.code === 'PageUp' || e.code === 'KeyP') this.previous();
    });
    onLanguageChange(() => this.render());
    if (this.waypoints.length === 0) root.classList.add('empty');
    this.render();
  }

  goTo(index, { instant = false } = {}) {
    if (this.waypoints.length === 0) return;
    this.index = (index + this.waypoints.length) % this.waypoints.length;
    const w = this.waypoints[this.index];
    this.walker.setView(w.pos, w.look_at, { instant });
    this.away = false;
    this.togglePlaces(false);
    this.render();
  }

  goToId(id, options) {
    const i = this.waypoints.findIndex((w) => w.id === id);
    if (i < 0) return false;
    this.goTo(i, options);
    return true;
  }

  next() {
    this.goTo(this.index + 1);
  }

  previous() {
    this.goTo(this.index - 1);
  }

  current() {
    return this.waypoints[this.index];
  }

  // A waypoint's name in the list: its own if the centre gave one, else its caption.
  label(w) {
    return pick(w.name ?? w.caption) || w.id;
  }

  render() {
    const n = this.waypoints.length;
    const w = this.waypoints[this.index];
    this.step.textContent = n > 0 ? `${this.index + 1} / ${n}` : '';
    this.caption.textContent = w ? pick(w.caption) : '';
    this.root.classList.toggle('away', this.away);
    this.placesList.replaceChildren(
      ...this.waypoints.map((wp, i) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = this.label(wp);
        b.dataset.waypoint = wp.id;
        if (i === this.index) b.setAttribute('aria-current', 'step');
        b.addEventListener('click', () => this.goTo(i));
        li.append(b);
        return li;
      }),
    );
    this.zone = undefined;  // the badge is rewritten in the new language on the next update
  }

  togglePlaces(open = this.places.hidden) {
    if (open && this.places.hidden && this.onPlacesOpen) this.onPlacesOpen();
    this.places.hidden = !open;
    this.placesButton.setAttribute('aria-expanded', String(open));
  }

  // Once a frame: which zone the eye is in, and whether the visitor left the waypoint.
  update(eye) {
    const zone = this.zones.find((z) => eye.x >= z.min[0] && eye.x <= z.max[0] && eye.z >= z.min[1] && eye.z <= z.max[1]);
    if (zone !== this.zone) {
      this.zone = zone;
      this.zoneBadge.hidden = !zone;
      if (zone) {
        this.zoneBadge.replaceChildren();
        const small = document.createElement('span');
        small.textContent = t('you_are_in');
        const name = document.createElement('strong');
        name.textContent = pick(zone.name) || zone.id;
        this.zoneBadge.append(small, name);
        this.zoneBadge.dataset.function = zone.function ?? '';
      }
    }
    const w = this.waypoints[this.index];
    const away = w ? eye.distanceTo(new THREE.Vector3(...w.pos)) > 1.5 : false;
    if (away !== this.away) {
      this.away = away;
      this.root.classList.toggle('away', away);
    }
  }
}
