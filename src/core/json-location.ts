import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type Node, type ParseErrorCode } from 'jsonc-parser';
import type { DataIssue, JsonPath, LocatedIssue } from './dataset-issue.js';

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of a character offset; columns count UTF-16 code units, as editors do. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Line and column of many offsets in one text: the line starts are found once and each offset
 * looked up by binary search, so twenty thousand issues in a large file cost no more than one.
 */
export function positionFinder(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** Places each issue at the value (or key) it is about; the tree is parsed once, and only when needed. */
export function locateIssues(text: string, file: string, issues: readonly DataIssue[]): LocatedIssue[] {
  if (issues.length === 0) return [];
  const root = parseTree(text);
  const position = positionFinder(text);
  return issues.map((issue) => {
    const offset = root ? offsetOf(root, issue.path, issue.atKey === true) : 0;
    return { ...issue, file, ...position(offset) };
  });
}

function offsetOf(root: Node, path: JsonPath, atKey: boolean): number {
  // Walk up until some prefix of the path exists: a missing field points at its object.
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, [...path.slice(0, n)]);
    if (!node) continue;
    if (atKey && n === path.length && node.parent?.type === 'property') return node.parent.offset;
    return node.offset;
  }
  return root.offset;
}

const SYNTAX_MESSAGES: Partial<Record<string, string>> = {
  InvalidSymbol: 'a JSON value, comma, colon or bracket',
  InvalidNumberFormat: 'a badly written number',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: 'a colon',
  CommaExpected: 'a comma',
  CloseBraceExpected: 'a closing }',
  CloseBracketExpected: 'a closing ]',
  EndOfFileExpected: 'the end of the file',
  InvalidCommentToken: 'no comments (JSON has none)',
  UnexpectedEndOfComment: 'a closed comment',
  UnexpectedEndOfString: 'a closing double quote',
  UnexpectedEndOfNumber: 'a complete number',
  InvalidUnicode: 'a valid \\u escape',
  InvalidEscapeCharacter: 'a valid escape such as \\n or \\"',
  InvalidCharacter: 'no raw control characters inside strings (write \\n, \\t …)',
};

/** Every syntax error in a text that is not valid JSON, each with its position. */
export function findSyntaxErrors(text: string, file: string): LocatedIssue[] {
  const found: LocatedIssue[] = [];
  visit(
    text,
    {
      onError(code: ParseErrorCode, offset: number, length: number) {
        if (found.length >= 20) return;
        const name = printParseErrorCode(code);
        const snippet = text.slice(offset, offset + Math.max(1, Math.min(length, 20)));
        found.push({
          severity: 'error',
          path: [],
          problem: 'invalid JSON',
          found: offset >= text.length ? 'the end of the file' : JSON.stringify(snippet),
          expected: SYNTAX_MESSAGES[name] ?? name,
          file,
          ...positionAt(text, offset),
        });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return found;
}
