import { InputError } from '@backstage/errors';
import {
  EventsPartlyRefused,
  IngestResult,
} from '@internal/plugin-release-watch-common';
import { ErrorRequestHandler } from 'express';

/** Some lines of a pushed batch were refused; the others were stored. */
export class EventsPartlyRefusedError extends InputError {
  constructor(readonly result: IngestResult, validLines: number) {
    const { errors } = result;
    super(
      `${errors.length} of ${
        errors.length + validLines
      } events refused (the others were stored); first: line ${
        errors[0].line
      }, ${errors[0].field || 'line'}: ${errors[0].message}`,
    );
  }

  /** The documented 400 answer: the error, then the counts and every refused line. */
  toResponseBody(): EventsPartlyRefused {
    return {
      error: { name: this.name, message: this.message },
      response: { statusCode: 400 },
      ...this.result,
    };
  }
}

/** Answers an {@link EventsPartlyRefusedError} with its body; passes other errors on. */
export const answerEventsPartlyRefused: ErrorRequestHandler = (
  error,
  _req,
  res,
  next,
) => {
  if (!(error instanceof EventsPartlyRefusedError)) {
    next(error);
    return;
  }
  res.status(400).json(error.toResponseBody());
};
