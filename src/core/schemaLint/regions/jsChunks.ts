/**
 * Cuts JavaScript/TypeScript (and JSX/TSX) into chunks of whole top-level statements, using js-tokens (a
 * tokenizer that knows strings, template literals with nested `${}`, regex literals, comments and JSX).
 *
 * A chunk starts only where a statement certainly starts whatever comes before it: at a line start, at
 * column 0, outside every bracket, template and JSX expression, where the previous token ends a statement
 * (`;`, `}`, a name, a literal, `)` that is not an `if (…)` header) and the line starts with a word that cannot
 * continue an expression (`else`, `in`, `as`… can) or with a decorator. Anything doubtful joins the previous
 * chunk: parsing too much costs time only. Text the tokenizer finds invalid yields `undefined`.
 */
import jsTokens, { type JSXToken, type Token } from 'js-tokens';
import { ChunkRecorder, type ChunkedSource } from './chunkedSource';

/** Words that cannot be binding names in any mode (strict-only reserved words such as `let` can be, in sloppy scripts). */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with',
]);
/** Words that, starting a line, may continue the statement before (`} else`, `x\n  in y`, `do {} \nwhile`). */
const CONTINUING_STARTS = new Set(['in', 'instanceof', 'as', 'satisfies', 'of', 'else', 'catch', 'finally', 'while', 'extends', 'implements', 'from', 'is', 'keyof']);
/** Words after which a statement is not over (`export default`, `else`, `return`, `type`…). */
const CONTINUED_ENDS = new Set([
  'abstract', 'as', 'async', 'await', 'case', 'catch', 'class', 'const', 'declare', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'finally', 'for', 'from', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface', 'is', 'keyof', 'let', 'module', 'namespace',
  'new', 'of', 'private', 'protected', 'public', 'readonly', 'return', 'satisfies', 'static', 'switch', 'throw', 'try', 'type', 'typeof', 'var',
  'void', 'while', 'with', 'yield', 'get', 'set', 'infer', 'asserts', 'accessor', 'override', 'unique', 'global', 'out',
]);
/** `if (…)` and friends: their `)` does not end a statement. */
const HEADER_WORDS = new Set(['if', 'for', 'while', 'with', 'await']);

const enum Bracket {
  Paren,
  HeaderParen,
  Square,
  Brace,
  TemplateSubstitution,
  JsxBrace,
}

export function chunkJavaScript(text: string, jsx: boolean): ChunkedSource | undefined {
  const recorder = new ChunkRecorder();
  const stack: Bracket[] = [];
  let offset = 0;
  /** Offset of the current line's start while no token of the line has been seen at column 0; else -1. */
  let lineStart = 0;
  /** Whether the last significant token can end a statement; a word is looked up only when a line start asks. */
  let ends = true;
  let endWord: string | undefined;
  let previousWord: string | undefined;
  let decoratorPending = false;
  let afterDot = false;
  let chunkHead: 'first' | 'export' | 'done' = 'first';
  /** A name whose use is decided by the next token (`key:` is an object key, not a read). */
  let pendingName: string | undefined;

  const tokens: Iterable<Token | JSXToken> = jsx ? jsTokens(text, { jsx: true }) : jsTokens(text);
  for (const token of tokens) {
    const start = offset;
    offset += token.value.length;
    switch (token.type) {
      case 'WhiteSpace':
      case 'SingleLineComment':
      case 'HashbangComment':
        lineStart = -1;
        continue;
      case 'MultiLineComment':
        if (!token.closed) return undefined;
        lineStart = -1;
        continue;
      case 'LineTerminatorSequence':
        lineStart = stack.length === 0 && token.value.endsWith('\n') ? offset : -1;
        continue;
      default:
        break;
    }
    if (pendingName !== undefined) {
      recorder.name(pendingName, !(token.type === 'Punctuator' && token.value === ':'));
      pendingName = undefined;
    }
    if (lineStart === start && start > 0 && (endWord === undefined ? ends : !CONTINUED_ENDS.has(endWord)) && !decoratorPending && startsStatement(token)) {
      recorder.startChunk(start);
      chunkHead = 'first';
    }
    lineStart = -1;
    if (chunkHead !== 'done') {
      if (chunkHead === 'first' && token.type === 'IdentifierName' && token.value === 'import') recorder.markImport();
      // `export … from` and `export { … }`: re-exports are read with the imports.
      if (chunkHead === 'export' && token.type === 'Punctuator' && (token.value === '{' || token.value === '*')) recorder.markImport();
      chunkHead = chunkHead === 'first' && token.type === 'IdentifierName' && token.value === 'export' ? 'export' : 'done';
    }

    let word: string | undefined;
    let dot = false;
    endWord = undefined;
    switch (token.type) {
      case 'IdentifierName': {
        word = token.value;
        if (word === 'require') recorder.markImport();
        if (afterDot) recorder.name(word, false);
        else if (!RESERVED.has(word)) pendingName = word;
        if (word === 'class' && stack.length === 0) decoratorPending = false;
        endWord = word;
        break;
      }
      case 'Punctuator': {
        const value = token.value;
        ends = false;
        if (value === '(') stack.push(previousWord !== undefined && HEADER_WORDS.has(previousWord) ? Bracket.HeaderParen : Bracket.Paren);
        else if (value === '[') stack.push(Bracket.Square);
        else if (value === '{') stack.push(Bracket.Brace);
        else if (value === ')') {
          const open = stack.pop();
          if (open !== Bracket.Paren && open !== Bracket.HeaderParen) return undefined;
          ends = open === Bracket.Paren;
        } else if (value === ']') {
          if (stack.pop() !== Bracket.Square) return undefined;
          ends = true;
        } else if (value === '}') {
          if (stack.pop() !== Bracket.Brace) return undefined;
          ends = true;
        } else if (value === ';') ends = true;
        dot = value === '.' || value === '?.';
        break;
      }
      case 'Invalid':
        // js-tokens knows no decorators: `@` is its one "invalid" token that is valid TypeScript.
        if (token.value !== '@') return undefined;
        if (stack.length === 0) decoratorPending = true;
        ends = false;
        break;
      case 'StringLiteral':
      case 'NoSubstitutionTemplate':
      case 'RegularExpressionLiteral':
        if (!token.closed) return undefined;
        ends = true;
        break;
      case 'TemplateHead':
        stack.push(Bracket.TemplateSubstitution);
        ends = false;
        break;
      case 'TemplateMiddle':
        if (stack[stack.length - 1] !== Bracket.TemplateSubstitution) return undefined;
        break;
      case 'TemplateTail':
        if (stack.pop() !== Bracket.TemplateSubstitution || !token.closed) return undefined;
        ends = true;
        break;
      case 'NumericLiteral':
      case 'PrivateIdentifier':
        ends = true;
        break;
      case 'JSXPunctuator':
        if (token.value === '{') stack.push(Bracket.JsxBrace);
        else if (token.value === '}' && stack.pop() !== Bracket.JsxBrace) return undefined;
        ends = false;
        break;
      case 'JSXString':
        if (!token.closed) return undefined;
        ends = false;
        break;
      case 'JSXText':
      case 'JSXIdentifier':
        ends = false;
        break;
      default:
        // `JSXInvalid`: the tokenizer is lost, so are the statement boundaries.
        return undefined;
    }
    previousWord = word;
    afterDot = dot;
  }
  if (pendingName !== undefined) recorder.name(pendingName, true);
  return recorder.finish();
}

/** A token that starts a statement and cannot continue the one before it. */
function startsStatement(token: { type: string; value: string }): boolean {
  if (token.type === 'IdentifierName') return !CONTINUING_STARTS.has(token.value);
  return token.type === 'Invalid' && token.value === '@';
}
