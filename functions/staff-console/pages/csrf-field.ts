import { CSRF_FIELD } from '../../domain/staff-auth/index.js';
import { html, type SafeHtml } from '../../web-form/pages/html.js';

/** The form field name the handler reads the CSRF token from. */
export { CSRF_FIELD };

/**
 * The hidden CSRF field every state-changing form carries: a cookie session alone would let
 * another site post a decision in a signed-in staff member's name.
 */
export const csrfField = (token: string): SafeHtml => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
