import { strict as assert } from 'node:assert';
import { findImportHeader } from '../../../src/core/prompts/importHeader';

/** The 1-based first and last line of the import region. */
const region = (...lines: string[]): [number, number] | undefined => {
  const span = findImportHeader(lines);
  return span && [span.startLine + 1, span.endLine + 1];
};

describe('findImportHeader', () => {
  it('skips a license comment and directives, then spans TypeScript imports including multi-line ones', () => {
    assert.deepEqual(
      region('/*', ' * Copyright (c) Someone', ' */', "'use strict';", '', "import {", '  a,', '  b,', "} from './ab';", "import type { C } from './c';", '', 'export function f() {}'),
      [6, 10],
    );
  });

  it('finds Python imports after a shebang and module docstring, with parenthesised continuations', () => {
    assert.deepEqual(
      region('#!/usr/bin/env python3', '"""Module doc.', '', 'More doc."""', 'from __future__ import annotations', 'import os', 'from x import (', '    y,', ')', '', 'def main():', '    pass'),
      [5, 9],
    );
  });

  it('finds Go package and import block, C includes after a header guard, Rust use/mod, C# using', () => {
    assert.deepEqual(region('package main', '', 'import (', '\t"fmt"', ')', '', 'func main() {}'), [1, 5]);
    assert.deepEqual(region('#ifndef X_H', '#define X_H', '#include <stdio.h>', '#include "x.h"', 'int x;'), [3, 4]);
    assert.deepEqual(region('use std::io;', 'pub(crate) use crate::a::{b, c};', 'mod parser;', '', 'fn main() {}'), [1, 3]);
    assert.deepEqual(region('using System;', 'using System.Linq;', 'namespace App;', 'class A {}'), [1, 2]);
  });

  it('includes comments between imports but not after the last one', () => {
    assert.deepEqual(region("const fs = require('fs');", '// path helpers', "const path = require('path');", '// main', 'main();'), [1, 3]);
  });

  it('finds nothing when code comes first or there are no imports', () => {
    assert.equal(region('const a = 1;', "import b from 'b';"), undefined);
    assert.equal(region('// just a comment', '', 'print(1)'), undefined);
    assert.equal(region(''), undefined);
  });

  it('does not take identifiers that start like keywords for imports', () => {
    assert.equal(region('important = True', 'import_module("x")'), undefined);
  });

  it('only looks at the first lines of the file', () => {
    const lines = [...Array.from({ length: 250 }, () => '// filler'), "import late from 'late';"];
    assert.equal(findImportHeader(lines), undefined);
  });
});
