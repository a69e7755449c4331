/** Which of the dashboard's numbers a class list explains: trainees (finished), classes opened, or funds audited. */
export const CLASS_BASES = ['finished', 'opened', 'audited'] as const;

/** Classes shown on one page of a list. */
export const CLASS_PAGE_SIZE = 20;
