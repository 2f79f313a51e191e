export {
  EntityReviewEnvironmentsContent,
  PROJECT_SLUG_ANNOTATION,
} from './EntityReviewEnvironmentsContent';
