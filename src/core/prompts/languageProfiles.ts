/**
 * What the instructions need to know about a language: a readable name, the test framework a project
 * in it most likely uses, and its documentation-comment convention.
 */

export interface LanguageProfile {
  name: string;
  testFramework: string;
  docConvention: string;
}

const JS_TESTS = 'the test runner the code or its context shows (Vitest, Jest, Mocha or node:test); Vitest if nothing shows';
const JSDOC = 'JSDoc (`/** … */` with @param, @returns, @throws)';
const TSDOC = 'TSDoc (`/** … */` with @param, @returns, @throws; no types in tags, TypeScript has them)';

const PROFILES: Record<string, LanguageProfile> = {
  typescript: { name: 'TypeScript', testFramework: JS_TESTS, docConvention: TSDOC },
  typescriptreact: { name: 'TypeScript (TSX)', testFramework: `${JS_TESTS}, with Testing Library for components`, docConvention: TSDOC },
  javascript: { name: 'JavaScript', testFramework: JS_TESTS, docConvention: JSDOC },
  javascriptreact: { name: 'JavaScript (JSX)', testFramework: `${JS_TESTS}, with Testing Library for components`, docConvention: JSDOC },
  python: { name: 'Python', testFramework: 'pytest (plain `assert`, fixtures, `pytest.mark.parametrize`)', docConvention: 'PEP 257 docstrings in Google style (Args, Returns, Raises)' },
  java: { name: 'Java', testFramework: 'JUnit 5 (Jupiter) with AssertJ or JUnit assertions', docConvention: 'Javadoc (`/** … */` with @param, @return, @throws)' },
  kotlin: { name: 'Kotlin', testFramework: 'JUnit 5 with kotlin.test assertions', docConvention: 'KDoc (`/** … */` with @param, @return, @throws)' },
  scala: { name: 'Scala', testFramework: 'ScalaTest (AnyFunSuite)', docConvention: 'Scaladoc (`/** … */` with @param, @return, @throws)' },
  csharp: { name: 'C#', testFramework: 'xUnit ([Fact], [Theory] with [InlineData])', docConvention: 'XML documentation comments (`///` with <summary>, <param>, <returns>, <exception>)' },
  fsharp: { name: 'F#', testFramework: 'xUnit or Expecto', docConvention: 'XML documentation comments (`///`)' },
  go: { name: 'Go', testFramework: 'the standard `testing` package, table-driven with t.Run subtests', docConvention: 'Go doc comments (`//` directly above, starting with the identifier\'s name)' },
  rust: { name: 'Rust', testFramework: 'built-in tests (`#[cfg(test)] mod tests` with `#[test]` functions)', docConvention: 'rustdoc (`///`, with # Examples, # Errors and # Panics sections where they apply)' },
  c: { name: 'C', testFramework: 'Unity (ThrowTheSwitch), or assert.h-based tests if the project shows none', docConvention: 'Doxygen (`/** … */` with @brief, @param, @return)' },
  cpp: { name: 'C++', testFramework: 'GoogleTest (TEST / TEST_F, EXPECT_* / ASSERT_*)', docConvention: 'Doxygen (`/** … */` or `///` with @brief, @param, @return, @throws)' },
  'objective-c': { name: 'Objective-C', testFramework: 'XCTest', docConvention: 'HeaderDoc/Doxygen (`/** … */` or `///`)' },
  swift: { name: 'Swift', testFramework: 'XCTest (or Swift Testing `@Test` if the project uses it)', docConvention: 'Swift markup (`///` with - Parameters:, - Returns:, - Throws:)' },
  ruby: { name: 'Ruby', testFramework: 'RSpec (or Minitest if the project shows it)', docConvention: 'YARD (`#` comments with @param, @return, @raise)' },
  php: { name: 'PHP', testFramework: 'PHPUnit', docConvention: 'PHPDoc (`/** … */` with @param, @return, @throws)' },
  dart: { name: 'Dart', testFramework: 'package:test (flutter_test for widgets)', docConvention: 'Dart doc comments (`///`)' },
  elixir: { name: 'Elixir', testFramework: 'ExUnit', docConvention: '@moduledoc / @doc with examples (doctests)' },
  haskell: { name: 'Haskell', testFramework: 'Hspec (with QuickCheck properties where natural)', docConvention: 'Haddock (`-- |` comments)' },
  lua: { name: 'Lua', testFramework: 'busted', docConvention: 'LuaLS/EmmyLua annotations (`---@param`, `---@return`)' },
  shellscript: { name: 'Shell script', testFramework: 'Bats (bats-core)', docConvention: 'a `#` comment block above each function (purpose, arguments, outputs, exit status)' },
  powershell: { name: 'PowerShell', testFramework: 'Pester', docConvention: 'comment-based help (`<# .SYNOPSIS .PARAMETER .OUTPUTS #>`)' },
  perl: { name: 'Perl', testFramework: 'Test::More', docConvention: 'POD' },
  r: { name: 'R', testFramework: 'testthat', docConvention: "roxygen2 (`#'` with @param, @return, @examples)" },
  julia: { name: 'Julia', testFramework: 'the Test standard library (@testset, @test)', docConvention: 'docstrings above definitions' },
  clojure: { name: 'Clojure', testFramework: 'clojure.test', docConvention: 'docstrings' },
  zig: { name: 'Zig', testFramework: 'built-in `test` blocks with std.testing', docConvention: 'doc comments (`///`)' },
  sql: { name: 'SQL', testFramework: 'pgTAP or tSQLt, whichever matches the dialect', docConvention: '`--` comments' },
  vue: { name: 'Vue', testFramework: 'Vitest with Vue Test Utils', docConvention: TSDOC },
  svelte: { name: 'Svelte', testFramework: 'Vitest with Svelte Testing Library', docConvention: TSDOC },
};

export function languageProfile(languageId: string): LanguageProfile {
  if (Object.hasOwn(PROFILES, languageId)) return PROFILES[languageId];
  const name = languageId.trim() === '' ? 'plain text' : languageId;
  return {
    name,
    testFramework: `the standard or most widely used test framework for ${name}`,
    docConvention: `the documentation-comment convention idiomatic in ${name}`,
  };
}
