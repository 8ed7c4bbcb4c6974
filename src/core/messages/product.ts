// The product's name as people see it: the menu, dialog titles, e-mail senders and subjects, and
// the mark on notes the job writes.

/** The product's name. */
export const PRODUCT_NAME = 'Progresso Cademi';
