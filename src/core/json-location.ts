import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
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

/**
 * Places each issue at the value (or key) it is about — or, when that is missing, at the nearest
 * enclosing value that exists. One pass over the text that keeps only the offsets asked for: a
 * parse tree of the whole file would cost some sixty bytes per value, gigabytes for a hostile
 * file of millions of numbers. Only the children of containers on the way to an issue are
 * followed. (The caller has made sure the nesting is shallow: the visitor recurses.)
 */
export function locateIssues(text: string, file: string, issues: readonly DataIssue[]): LocatedIssue[] {
  if (issues.length === 0) return [];
  const keyOf = (path: JsonPath) => JSON.stringify(path);
  const wanted = new Set<string>();
  const onTheWay = new Set<string>();
  for (const issue of issues) {
    for (let n = 0; n <= issue.path.length; n++) {
      const key = keyOf(issue.path.slice(0, n));
      wanted.add(key);
      if (n < issue.path.length) onTheWay.add(key);
    }
  }
  const valueAt = new Map<string, number>();
  const keyAt = new Map<string, number>();
  const stack: { path: JsonPath; array: boolean; index: number; follow: boolean }[] = [];
  let property = '';
  let propertyOffset = 0;
  const onValue = (offset: number, container?: 'array' | 'object') => {
    const top = stack[stack.length - 1];
    const path = !top ? [] : top.follow ? [...top.path, top.array ? top.index : property] : undefined;
    const key = path ? keyOf(path) : undefined;
    if (key !== undefined && wanted.has(key) && !valueAt.has(key)) {
      // The first of repeated keys, as a parse tree's lookup finds it.
      valueAt.set(key, offset);
      if (top && !top.array) keyAt.set(key, propertyOffset);
    }
    if (container) stack.push({ path: path ?? [], array: container === 'array', index: 0, follow: key !== undefined && onTheWay.has(key) });
  };
  visit(text, {
    onObjectBegin: (offset) => onValue(offset, 'object'),
    onArrayBegin: (offset) => onValue(offset, 'array'),
    onObjectEnd: () => void stack.pop(),
    onArrayEnd: () => void stack.pop(),
    onObjectProperty: (name, offset) => {
      property = name;
      propertyOffset = offset;
    },
    onLiteralValue: (_value, offset) => onValue(offset),
    onSeparator: (char) => {
      const top = stack[stack.length - 1];
      if (char === ',' && top?.array) top.index++;
    },
  });
  const position = positionFinder(text);
  return issues.map((issue) => {
    let offset = 0;
    // Walk up until some prefix of the path exists: a missing field points at its object.
    for (let n = issue.path.length; n >= 0; n--) {
      const key = keyOf(issue.path.slice(0, n));
      const at = valueAt.get(key);
      if (at === undefined) continue;
      offset = issue.atKey === true && n === issue.path.length ? (keyAt.get(key) ?? at) : at;
      break;
    }
    return { ...issue, file, ...position(offset) };
  });
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
