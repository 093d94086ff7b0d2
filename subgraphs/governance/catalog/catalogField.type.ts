import { Field, ObjectType } from 'type-graphql';
import type { Classification } from '../../../platform/policy/classification';
import { CatalogGrant } from './catalogGrant.type';
import { ClassificationEnum } from './ClassificationEnum';
import { FieldAccess } from './fieldAccess.type';

/** One field of the graph, described for the caller. */
@ObjectType({
  description:
    'One field of the graph: who owns it, how sensitive it is, and what the caller may read of it and under which agreements.',
})
export class CatalogField {
  @Field(() => String, { description: 'The agency that serves it (its subgraph name).' })
  agency!: string;

  @Field(() => String, { description: "The agency's name." })
  agencyTitle!: string;

  @Field(() => String, { description: 'The type the field belongs to.' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'What the type is.' })
  typeDescription!: string | null;

  @Field(() => String, { description: 'The field.' })
  field!: string;

  @Field(() => String, {
    description: 'How agreements and consents name it: `Type.field`.',
  })
  name!: string;

  @Field(() => String, { description: 'Its GraphQL type, such as String or [Person!].' })
  returns!: string;

  @Field(() => String, { nullable: true, description: 'What it holds, from the schema.' })
  description!: string | null;

  @Field(() => ClassificationEnum, { description: 'How sensitive it is.' })
  classification!: Classification;

  @Field(() => String, { description: 'What the classification means for who may read it.' })
  classificationMeaning!: string;

  @Field(() => Boolean, { description: 'Whether a masked form exists that agreements may grant.' })
  maskable!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What the masked form keeps, if one exists.',
  })
  maskedForm!: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'For operations reserved to some callers: who may use them.',
  })
  reservedTo!: string[] | null;

  @Field(() => FieldAccess, { description: 'What the caller may read of it now, and why.' })
  access!: FieldAccess;

  @Field(() => [CatalogGrant], {
    description:
      "The agreements in force under which the caller's organisation could read it, whatever purpose it declared.",
  })
  grants!: CatalogGrant[];
}
