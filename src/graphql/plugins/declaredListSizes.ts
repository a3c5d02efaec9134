// A list whose size argument has a default in the schema (the bounded lists, `brands(first: Int =
// 100)`) returns that many items when the client leaves the argument out. Armor's cost rule reads
// only the arguments written in the document, so such a list would count as one item; writing the
// declared default in as a literal makes it cost what it returns.
import { Kind, TypeInfo, visit, visitWithTypeInfo, type ArgumentNode, type DocumentNode, type GraphQLSchema } from "graphql";

const SIZE_ARGUMENTS = new Set(["first", "last"]);

export function withDeclaredListSizes(schema: GraphQLSchema, document: DocumentNode): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.arguments?.some((argument) => SIZE_ARGUMENTS.has(argument.name.value))) return undefined;
        const declared = typeInfo.getFieldDef()?.args.find((arg) => SIZE_ARGUMENTS.has(arg.name) && Number.isSafeInteger(arg.defaultValue));
        if (!declared) return undefined;
        const size: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: declared.name },
          value: { kind: Kind.INT, value: String(declared.defaultValue) },
        };
        return { ...node, arguments: [...(node.arguments ?? []), size] };
      },
    }),
  );
}
