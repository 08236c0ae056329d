/**
 * How a file refers to zod: namespaces (`import { z } from "zod"`, `import * as z from "zod/v4"`,
 * `const { z } = require("zod")`) and individually imported factories (`import { object, string } from "zod"`).
 * Only top-level statements are read: that is where imports live.
 */
import type { SyntaxNode as Node, SyntaxTree as Tree } from '../treeSitter/syntaxNode';
import { decodeStringBody } from '../code/sourceText';
import { isZodModule, ZOD_FACTORIES } from './zodSemantics';

export interface ZodImports {
  /** Local names bound to the zod namespace. */
  namespaces: Set<string>;
  /** Local name → zod export name, for factories imported one by one. */
  factories: Map<string, string>;
  /** Local names (namespaces or factories) imported from zod 3 explicitly (`zod/v3`). */
  v3Names: Set<string>;
}

/** `zod/v3`: zod 4 packages ship zod 3 under this path. */
function isZod3Module(specifier: string): boolean {
  return /(^|\/)zod\/v3$/.test(specifier);
}

export function scanZodImports(tree: Tree, text: string): ZodImports {
  const imports: ZodImports = { namespaces: new Set(), factories: new Map(), v3Names: new Set() };
  for (const statement of tree.rootNode.namedChildren) {
    if (statement === null) continue;
    if (statement.type === 'import_statement') readImport(statement, text, imports);
    else if (statement.type === 'lexical_declaration' || statement.type === 'variable_declaration') readRequire(statement, text, imports);
  }
  return imports;
}

function readImport(statement: Node, text: string, imports: ZodImports): void {
  const source = statement.childForFieldName('source');
  const specifier = source === null ? undefined : stringBody(source, text);
  if (specifier === undefined || statement.children.some((child) => child?.type === 'type')) return;
  const zodModule = isZodModule(specifier);
  const clause = statement.namedChildren.find((child) => child?.type === 'import_clause');
  if (clause === undefined || clause === null) return;
  const zod3 = isZod3Module(specifier);
  const addNamespace = (local: string): void => {
    imports.namespaces.add(local);
    if (zod3) imports.v3Names.add(local);
  };
  for (const part of clause.namedChildren) {
    if (part === null) continue;
    if (part.type === 'identifier' && zodModule) addNamespace(part.text);
    else if (part.type === 'namespace_import' && zodModule) {
      const local = part.namedChildren.find((child) => child?.type === 'identifier');
      if (local) addNamespace(local.text);
    } else if (part.type === 'named_imports') {
      for (const specifierNode of part.namedChildren) {
        if (specifierNode?.type !== 'import_specifier' || specifierNode.children.some((child) => child?.type === 'type')) continue;
        const imported = specifierNode.childForFieldName('name')?.text;
        const local = specifierNode.childForFieldName('alias')?.text ?? imported;
        if (imported === undefined || local === undefined) continue;
        // `z` is zod by convention whatever re-exports it (`@hono/zod-openapi`, `astro:content`, a local barrel).
        if (imported === 'z') addNamespace(local);
        else if (zodModule && ZOD_FACTORIES.has(imported)) {
          imports.factories.set(local, imported);
          if (zod3) imports.v3Names.add(local);
        }
      }
    }
  }
}

/** `const z = require("zod")`, `const { z } = require("zod")`, `const z = require("zod").z`. */
function readRequire(statement: Node, text: string, imports: ZodImports): void {
  for (const declarator of statement.namedChildren) {
    if (declarator?.type !== 'variable_declarator') continue;
    const name = declarator.childForFieldName('name');
    let value = declarator.childForFieldName('value');
    if (name === null || value === null) continue;
    if (value.type === 'member_expression' && value.childForFieldName('property')?.text === 'z') value = value.childForFieldName('object');
    if (value?.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'require') continue;
    const argument = value.childForFieldName('arguments')?.namedChildren[0];
    const specifier = argument?.type === 'string' ? stringBody(argument, text) : undefined;
    if (specifier === undefined || !isZodModule(specifier)) continue;
    if (name.type === 'identifier') imports.namespaces.add(name.text);
    else if (name.type === 'object_pattern') {
      for (const property of name.namedChildren) {
        if (property?.type === 'shorthand_property_identifier_pattern' && property.text === 'z') imports.namespaces.add('z');
        if (property?.type === 'pair_pattern' && property.childForFieldName('key')?.text === 'z') {
          const local = property.childForFieldName('value');
          if (local?.type === 'identifier') imports.namespaces.add(local.text);
        }
      }
    }
  }
}

function stringBody(node: Node, text: string): string | undefined {
  if (node.type !== 'string') return undefined;
  return decodeStringBody(text.slice(node.startIndex + 1, node.endIndex - 1));
}
