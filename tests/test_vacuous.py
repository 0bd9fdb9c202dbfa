"""No check that cannot fail: doctests and assertions are scanned for always-true forms.

A doctest such as ``>>> "ORG001" in RULES or True`` prints ``True`` whatever the library
does, and ``>>> rule_ is None or bool(rule_.title("en"))`` passes when there is nothing to
test. This module finds such forms statically (with `ast`) in every docstring example of
``src/``, in every ``assert`` of ``tests/``, ``examples/`` and the docs' code blocks, and
fails naming them.
"""

from __future__ import annotations

import ast
import doctest
import re

from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
_FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _same(left: ast.expr, right: ast.expr) -> bool:
    return ast.dump(left) == ast.dump(right)


def _calls(node: ast.expr) -> bool:
    return any(isinstance(inner, ast.Call) for inner in ast.walk(node))


def always_true(node: ast.expr) -> bool:
    """Whether ``node`` is true whatever the code under test does."""
    if isinstance(node, ast.Constant):
        return bool(node.value)
    if isinstance(node, ast.BoolOp):
        results = [always_true(value) for value in node.values]
        return any(results) if isinstance(node.op, ast.Or) else all(results)
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        op, right = node.ops[0], node.comparators[0]
        # "x is x" without a call; "1 == 1". (``f() == f()`` tests determinism, and
        # ``Severity.ERROR >= Severity.ERROR`` tests an ordering: both can fail.)
        if _same(node.left, right) and (
            (isinstance(op, ast.Is) and not _calls(right))
            or (isinstance(op, ast.Eq | ast.LtE | ast.GtE) and isinstance(right, ast.Constant))
        ):
            return True
        counted = isinstance(node.left, ast.Call) and ast.unparse(node.left.func) == "len"
        zero = isinstance(right, ast.Constant) and right.value == 0
        return counted and zero and isinstance(op, ast.GtE)
    if isinstance(node, ast.Call) and ast.unparse(node.func) == "isinstance":
        return len(node.args) == 2 and ast.unparse(node.args[1]) == "object"
    return False


def vacuous_guard(node: ast.expr) -> bool:
    """Whether ``node`` is ``x is None or ...``: true when there is nothing to check."""
    if not (isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)):
        return False
    first = node.values[0]
    return (
        isinstance(first, ast.Compare)
        and len(first.ops) == 1
        and isinstance(first.ops[0], ast.Is)
        and isinstance(first.comparators[0], ast.Constant)
        and first.comparators[0].value is None
    )


def example_problem(source: str, want: str) -> str | None:
    """Why a doctest example cannot fail, or None when it can."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assert) and always_true(node.test):
            return "asserts something always true"
    body = tree.body
    if len(body) == 1 and isinstance(body[0], ast.Expr) and want.strip() == "True":
        expression = body[0].value
        if always_true(expression):
            return "prints True whatever the code does"
        if vacuous_guard(expression):
            return "passes when there is nothing to check (x is None or ...)"
    return None


def assert_problems(source: str) -> list[int]:
    """Lines of ``assert`` statements in ``source`` that cannot fail."""
    tree = ast.parse(source)
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Assert) and always_true(node.test)
    ]


def _docstring_examples(path: Path) -> list[tuple[int, str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parser = doctest.DocTestParser()
    found: list[tuple[int, str, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        docstring = ast.get_docstring(node, clean=True)
        if not docstring:
            continue
        line = node.body[0].lineno if node.body else 1
        found.extend(
            (line + example.lineno, example.source, example.want)
            for example in parser.get_examples(docstring)
        )
    return found


class TestTheCheck:
    @pytest.mark.parametrize(
        ("source", "want"),
        [
            ('"ORG001" in RULES or True\n', "True\n"),
            ('rule_ is None or bool(rule_.title("en"))\n', "True\n"),
            ("True\n", "True\n"),
            ("len(items) >= 0\n", "True\n"),
            ("x is x\n", "True\n"),
            ("1 == 1\n", "True\n"),
            ("isinstance(value, object)\n", "True\n"),
            ("assert 1 or check()\n", ""),
        ],
    )
    def test_flags_a_check_that_cannot_fail(self, source: str, want: str) -> None:
        assert example_problem(source, want) is not None

    @pytest.mark.parametrize(
        ("source", "want"),
        [
            ('"ORG001" in RULES\n', "True\n"),
            ("len(items) > 0\n", "True\n"),
            ("x == y\n", "True\n"),
            ("f() is f()\n", "True\n"),
            ("x == x\n", "True\n"),
            ("x is None or y\n", "False\n"),
            ("assert check()\n", ""),
            ("def broken(:\n", ""),
        ],
    )
    def test_silent_on_a_check_that_can_fail(self, source: str, want: str) -> None:
        assert example_problem(source, want) is None

    def test_asserts_are_found_by_line(self) -> None:
        assert assert_problems("x = 1\nassert True\nassert x == 1\n") == [2]


def test_no_doctest_in_src_cannot_fail() -> None:
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {why}: {source.strip()}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for line, source, want in _docstring_examples(path)
        if (why := example_problem(source, want)) is not None
    ]
    assert problems == []


def test_no_assert_in_tests_examples_or_docs_cannot_fail() -> None:
    problems: list[str] = []
    for folder in ("tests", "examples", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            lines = assert_problems(path.read_text(encoding="utf-8"))
            problems.extend(f"{path.relative_to(ROOT)}:{line}" for line in lines)
    for path in sorted((ROOT / "docs").rglob("*.md")):
        for block in _FENCE.findall(path.read_text(encoding="utf-8")):
            try:
                lines = assert_problems(block)
            except SyntaxError:
                continue
            problems.extend(f"{path.relative_to(ROOT)}: assert at block line {n}" for n in lines)
    assert problems == []
