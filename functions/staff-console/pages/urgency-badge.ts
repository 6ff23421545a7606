import type { Urgency } from '../../domain/console-queue/urgency.js';
import { html, type SafeHtml } from '../../web-form/pages/html.js';
import { urgencyText } from './console-labels.js';

/**
 * The deadline badge. The words carry the meaning ("Over fristen (2 arbeidsdager)"); the colour
 * only repeats it, so the badge works for colour-blind staff and in a black-and-white printout.
 */
export const urgencyBadge = (urgency: Urgency, workingDaysLeft: number | null): SafeHtml =>
  html`<span class="badge badge-${workingDaysLeft === null ? 'normal' : urgency}">${urgencyText(urgency, workingDaysLeft)}</span>`;
