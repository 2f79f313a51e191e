/** One thing wrong with an input, named by its field path (`settings.branding.palette.primary`). */
export type FieldProblem = { field: string; message: string };
