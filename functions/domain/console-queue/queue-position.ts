/**
 * A request's place in the staff queue, as the queue indexes sort it: due date first (so overdue
 * cases come first and the working days left rise down the list), then the receipt instant in UTC
 * (receipts written with different offsets compare as moments), then the reference, which makes
 * the order total and stable between two loads of the same data.
 */
export const queuePosition = (request: { readonly id: string; readonly dueDate: string; readonly receivedAt: string }): string =>
  `${request.dueDate}#${new Date(request.receivedAt).toISOString()}#${request.id}`;

/** The shape of every {@link queuePosition}: what a queue cursor must decode to. */
export const QUEUE_POSITION_PATTERN = /^\d{4}-\d{2}-\d{2}#\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9-]{1,64}$/;
