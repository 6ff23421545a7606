import type { StaffIdentity } from '../../../domain/staff-auth/index.js';

/** The signed-in staff member, as the verified token names them (groups shown so staff know what they may do). */
export type ConsoleUser = StaffIdentity;

/** A one-off message after a redirect ("Notatet er lagret"), shown in the status area. */
export interface Flash {
  readonly kind: 'success' | 'error';
  readonly text: string;
}

/** What every signed-in page needs besides its own content. */
export interface ConsoleContext {
  readonly user: ConsoleUser;
  /** Put in every state-changing form as `csrf`; the handler checks it against the session. */
  readonly csrfToken: string;
  readonly flash?: Flash;
}

/** A problem with one submitted field; `field` is the control's name, or absent for the whole form. */
export interface ConsoleFieldError {
  readonly field?: string;
  readonly message: string;
}
