/** The status names of the digest and warnings: the ones staff see in the console. */
export { STAFF_STATUS_LABELS } from '../request/staff-labels.js';
