import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { snakeCase } from '../../database/snake-naming.strategy';
import { ReadOnlyField } from '../../kernel/validation/field-decorators';
import { Fields } from './field';

/*
 * The classes a record's fields drive: its entity's columns and foreign keys (what @Column,
 * @ManyToOne and @JoinColumn would say on each property), the bodies of a create and of a
 * change, and the record as the API returns it. Each is applied once, when the module that
 * declares the class is loaded, before TypeORM or Nest read their metadata.
 */

type Class = abstract new (...args: never[]) => object;

/** Columns and foreign keys of the entity, one per stored field; link lists are tables of their own. */
export function declareColumns(entity: Class, fields: Fields): void {
  for (const [name, field] of Object.entries(fields)) {
    const { storage } = field;
    if (storage.kind === 'links' || storage.kind === 'linkDetails') continue;
    if (storage.kind === 'reference') {
      ManyToOne(storage.table, { nullable: !field.required, onDelete: 'RESTRICT' })(entity.prototype, storage.relation);
      JoinColumn({ name: snakeCase(name) })(entity.prototype, storage.relation);
    }
    Column(storage.column)(entity.prototype, name);
  }
}

/**
 * The body of a create (POST): every field a client writes; required ones must be there.
 * Derived fields are accepted and ignored, as react-admin sends a record back whole.
 */
export function declareCreateBody(body: Class, fields: Fields): void {
  for (const [name, field] of Object.entries(fields)) {
    if (field.derived) {
      ReadOnlyField()(body.prototype, name);
      continue;
    }
    for (const decorate of [ApiProperty({ ...field.schema, required: field.required } as never), ...field.validators]) {
      decorate(body.prototype, name);
    }
  }
}

/**
 * The body of a change (PUT, PATCH): any of the fields a client writes. Each may be left out;
 * null is refused for the required ones by the service, which can name them.
 */
export function declareChangeBody(body: Class, fields: Fields): void {
  for (const [name, field] of Object.entries(fields)) {
    if (field.derived) {
      ReadOnlyField()(body.prototype, name);
      continue;
    }
    const schema = field.changeSchema ?? field.schema;
    for (const decorate of [
      ApiProperty({ ...schema, required: false } as never),
      IsOptional(),
      ...(field.changeValidators ?? field.validators),
    ]) {
      decorate(body.prototype, name);
    }
  }
}

/** The record as the API returns it: every field, always present (internal ones only for the team). */
export function declareRecord(record: Class, fields: Fields): void {
  for (const [name, field] of Object.entries(fields)) {
    const description = field.internal
      ? `${field.schema.description ?? ''} (For the team: absent for anonymous readers.)`.trim()
      : field.schema.description;
    ApiProperty({ ...field.schema, description, required: !field.internal } as never)(record.prototype, name);
  }
}
