/** A named Cypher statement: the name leads the text as a comment, so Neo4j's query log shows it. */
export interface GraphStatement {
  readonly name: string;
  readonly text: string;
}

export function graphStatement(name: string, text: string): GraphStatement {
  return { name, text: `/* ${name} */\n${text.trim()}` };
}
