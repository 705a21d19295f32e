import { ReadOnlyField } from '../validation/field-decorators';

/**
 * Base of every create/update body: the fields the server owns, which react-admin sends back
 * with each PUT, are accepted and ignored.
 */
export abstract class RecordInput {
  @ReadOnlyField() id?: unknown;
  @ReadOnlyField() createdAt?: unknown;
  @ReadOnlyField() updatedAt?: unknown;
}
