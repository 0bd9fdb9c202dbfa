"""Tests of the rule engine (birokrasi_retreat._rules): registry, check, Report."""

from __future__ import annotations

import datetime as dt
import json

from typing import TYPE_CHECKING

import attrs
import pendulum
import pytest

from hypothesis import given
from hypothesis import strategies as st

from birokrasi_retreat import _rules
from birokrasi_retreat.errors import (
    InvalidType,
    PolicyViolationError,
    UnknownReferenceError,
    ValidationErrorGroup,
    explain,
)
from birokrasi_retreat.validation import (
    RULES,
    Context,
    Finding,
    Hit,
    Report,
    Rule,
    Severity,
    check,
    rule,
    unregister,
    validate,
)


if TYPE_CHECKING:
    from collections.abc import Iterator


DAY = pendulum.Date(2025, 5, 15)


@attrs.frozen
class Thing:
    """A checked object for the test rules."""

    values: tuple[int, ...] = ()


class SubThing(Thing):
    """A subclass: rules for Thing apply to it too."""


class Other:
    """An object no test rule applies to."""


SEEN: list[Context] = []


@pytest.fixture
def test_rules() -> Iterator[None]:
    """Register TST001-TST003 for Thing for one test, then restore the registry."""
    saved = dict(_rules._REGISTRY)

    @rule(
        "TST001",
        severity=Severity.ERROR,
        applies_to=Thing,
        title_id="Nilai negatif",
        title_en="Negative value",
        rationale="Values are counts.",
        source="test",
    )
    def _negative(thing: Thing, ctx: Context) -> Iterator[Hit]:
        SEEN.append(ctx)
        for index, value in enumerate(thing.values):
            if value < 0:
                yield Hit(path=f"values[{index}]", params={"count": value}, subjects=("t",))

    @rule(
        "TST002",
        severity=Severity.WARNING,
        applies_to=Thing,
        title_id="Nilai besar",
        title_en="Large value",
        rationale="Large values are suspicious; huge ones are info (per-hit severity).",
        source="test",
    )
    def _large(thing: Thing, _ctx: Context) -> Iterator[Hit]:
        for index, value in enumerate(thing.values):
            if value > 100:
                huge = value > 1000
                yield Hit(
                    path=f"values[{index}]",
                    params={"count": value},
                    severity=Severity.INFO if huge else None,
                )

    @rule(
        "TST003",
        severity=Severity.INFO,
        applies_to=Other,
        title_id="Lain",
        title_en="Other",
        rationale="Never runs on Thing.",
        source="test",
    )
    def _other(_obj: Other, _ctx: Context) -> Iterator[Hit]:
        yield Hit(path="other")

    SEEN.clear()
    try:
        yield
    finally:
        _rules._REGISTRY.clear()
        _rules._REGISTRY.update(saved)


def finding(
    code: str = "invalid", severity: Severity = Severity.ERROR, path: str = "", **params: object
) -> Finding:
    """A finding for Report tests."""
    return Finding(code=code, severity=severity, path=path, params=params, source="src")


class TestRule:
    def test_registers_and_returns_the_function(self, test_rules: None) -> None:
        """A decorated function is registered with its metadata and returned unchanged."""
        del test_rules
        registered = RULES["TST001"]
        assert ("TST001", Severity.ERROR, Thing) == (
            registered.code,
            registered.severity,
            registered.applies_to,
        )
        assert ("Values are counts.", "test") == (registered.rationale, registered.source)
        assert callable(registered.function)

    def test_title_in_both_languages(self, test_rules: None) -> None:
        """Rule.title gives the Indonesian title by default and the English one on request."""
        del test_rules
        registered = RULES["TST001"]
        assert "Nilai negatif" == registered.title()
        assert "Nilai negatif" == registered.title("id")
        assert "Negative value" == registered.title("en")

    def test_double_registration_is_an_error(self, test_rules: None) -> None:
        """Registering a code twice raises and keeps the first rule."""
        del test_rules
        first = RULES["TST001"]
        with pytest.raises(ValueError, match="TST001 is registered twice"):
            rule(
                "TST001",
                severity=Severity.INFO,
                applies_to=Thing,
                title_id="x",
                title_en="x",
                rationale="x",
                source="x",
            )(lambda _obj, _ctx: ())
        assert first is RULES["TST001"]

    def test_registry_is_read_only(self) -> None:
        """RULES cannot be written to."""
        with pytest.raises(TypeError):
            RULES["X"] = RULES["ORG001"]  # type: ignore[index]

    def test_repr_leaves_out_the_function(self) -> None:
        """A rule's repr shows its metadata, not the function object."""
        assert "function=" not in repr(RULES["ORG001"])
        assert isinstance(RULES["ORG001"], Rule)

    def test_fixture_restores_the_registry(self) -> None:
        """After a test, the test rules are gone (the docs page stays current)."""
        assert not any(code.startswith("TST") for code in RULES)


class TestOwnRules:
    def test_rule_with_messages_renders_and_unregisters(self) -> None:
        """A rule of the user's own carries its messages; unregister removes both."""

        @rule(
            "USR100",
            severity=Severity.WARNING,
            applies_to=Thing,
            title_id="Kosong",
            title_en="Empty",
            rationale="r",
            source="s",
            message_id="Tidak ada nilai ({n}).",
            message_en="No values ({n}).",
        )
        def _empty(thing: Thing, _ctx: Context) -> Iterator[Hit]:
            if not thing.values:
                yield Hit(params={"n": 0})

        try:
            [found] = check(Thing(), select=["USR100"])
            assert ("No values (0).", "Tidak ada nilai (0).") == (
                found.message("en"),
                found.message("id"),
            )
        finally:
            unregister("USR100")
        assert "USR100" not in RULES
        assert "USR100" == found.message("en")

    def test_rule_without_messages_unregisters(self) -> None:
        """A rule registered without messages can be removed too."""
        rule(
            "USR101",
            severity=Severity.INFO,
            applies_to=Other,
            title_id="t",
            title_en="t",
            rationale="r",
            source="s",
        )(lambda _obj, _ctx: ())
        unregister("USR101")
        assert "USR101" not in RULES

    def test_half_a_message_is_refused(self) -> None:
        """Giving only one language of the message is a programming error."""
        with pytest.raises(ValueError, match="both message_id and message_en"):
            rule(
                "USR102",
                severity=Severity.INFO,
                applies_to=Other,
                title_id="t",
                title_en="t",
                rationale="r",
                source="s",
                message_id="only Indonesian",
            )(lambda _obj, _ctx: ())
        assert "USR102" not in RULES

    def test_unregister_unknown_rule(self) -> None:
        """Removing a rule that does not exist is an UnknownReferenceError."""
        with pytest.raises(UnknownReferenceError):
            unregister("USR999")


class TestShared:
    def test_rules_of_one_check_share_a_value(self) -> None:
        """Two rules asking for one key in one check compute it once; the next check anew."""
        computed: list[int] = []

        def total(thing: Thing) -> int:
            computed.append(1)
            return sum(thing.values)

        def reader(code: str) -> None:
            rule(
                code,
                severity=Severity.INFO,
                applies_to=Thing,
                title_id="t",
                title_en="t",
                rationale="r",
                source="s",
            )(lambda thing, ctx: [Hit(params={"sum": ctx.shared("sum", lambda: total(thing))})])

        reader("USR110")
        reader("USR111")
        try:
            first = check(Thing(values=(1, 2)), select=["USR110", "USR111"])
            assert [f.params["sum"] for f in first] == [3, 3]
            assert len(computed) == 1
            second = check(Thing(values=(5,)), select=["USR110", "USR111"])
            assert [f.params["sum"] for f in second] == [5, 5]
            assert len(computed) == 2
        finally:
            unregister("USR110")
            unregister("USR111")

    def test_contexts_do_not_share(self) -> None:
        """Each context keeps its own values, and the store is no part of its equality."""
        one, two = Context(on=DAY), Context(on=DAY)
        assert one.shared("k", lambda: "one") == "one"
        assert two.shared("k", lambda: "two") == "two"
        assert one == two
        assert "shared" not in repr(one)


class TestCheckArguments:
    @pytest.mark.parametrize(
        "on", [dt.date(2025, 5, 15), pendulum.datetime(2025, 5, 15), "2025-05-15"]
    )
    def test_on_must_be_a_pendulum_date(self, on: object) -> None:
        """A stdlib date, a datetime or a string is refused for on=."""
        with pytest.raises(InvalidType) as info:
            check(Thing(), on=on)  # type: ignore[arg-type]
        assert ("data.type", "on") == (info.value.code, info.value.path)

    @pytest.mark.parametrize("name", ["select", "ignore"])
    def test_codes_must_not_be_a_string(self, name: str) -> None:
        """A single string is refused: it would be read as a set of letters."""
        with pytest.raises(InvalidType) as info:
            check(Thing(), **{name: "ORG001"})  # type: ignore[arg-type]
        assert name == info.value.path

    @pytest.mark.parametrize("name", ["select", "ignore"])
    def test_unknown_codes_are_refused(self, name: str) -> None:
        """A code that is not a rule is an UnknownReferenceError listing the unknown ones."""
        with pytest.raises(UnknownReferenceError) as info:
            check(Thing(), **{name: ["ORG001", "NOPE2", "NOPE1"]})  # type: ignore[arg-type]
        assert (name, "NOPE1, NOPE2") == (info.value.path, info.value.params["value"])
        assert "Unknown rule code: NOPE1, NOPE2." == info.value.message("en")

    def test_unknown_severity_code(self) -> None:
        """severities= is checked for unknown codes too."""
        with pytest.raises(UnknownReferenceError) as info:
            check(Thing(), severities={"NOPE": Severity.INFO})
        assert "severities" == info.value.path

    def test_severity_must_be_a_severity(self) -> None:
        """A severity given as a plain string is refused at its key."""
        with pytest.raises(InvalidType) as info:
            check(Thing(), severities={"ORG001": "error"})  # type: ignore[dict-item]
        assert "severities['ORG001']" == info.value.path
        assert "str" == info.value.params["got"]

    def test_valid_arguments_pass(self) -> None:
        """Known codes, real severities and a pendulum date are accepted."""
        report = check(
            Thing(),
            on=DAY,
            select=["ORG001"],
            ignore=["ORG002"],
            severities={"ORG001": Severity.INFO},
        )
        assert 0 == len(report)


class TestCheck:
    def test_runs_rules_for_the_type(self, test_rules: None) -> None:
        """Rules for Thing run on a Thing (and its subclasses); others do not."""
        del test_rules
        for obj in (Thing(values=(-1, 200)), SubThing(values=(-1, 200))):
            report = check(obj)
            assert [("TST001", "values[0]"), ("TST002", "values[1]")] == [
                (f.code, f.path) for f in report
            ]
        assert ["TST003"] == [f.code for f in check(Other())]

    def test_finding_fields_come_from_rule_and_hit(self, test_rules: None) -> None:
        """A finding has the rule's code, severity and source and the hit's path and params."""
        del test_rules
        (found,) = check(Thing(values=(-5,)))
        assert ("TST001", Severity.ERROR, "values[0]", ("t",), "test") == (
            found.code,
            found.severity,
            found.path,
            found.subjects,
            found.source,
        )
        assert {"count": -5} == dict(found.params)

    def test_per_hit_severity(self, test_rules: None) -> None:
        """A hit's own severity replaces the rule default; None keeps the default."""
        del test_rules
        report = check(Thing(values=(200, 2000)))
        assert [Severity.WARNING, Severity.INFO] == [f.severity for f in report]

    def test_user_severity_wins(self, test_rules: None) -> None:
        """A user override beats both the default and a per-hit severity."""
        del test_rules
        report = check(Thing(values=(200, 2000)), severities={"TST002": Severity.ERROR})
        assert [Severity.ERROR, Severity.ERROR] == [f.severity for f in report]

    def test_select_and_ignore(self, test_rules: None) -> None:
        """select= keeps only its codes and ignore= removes its codes."""
        del test_rules
        thing = Thing(values=(-1, 200))
        assert ["TST002"] == [f.code for f in check(thing, select=["TST002"])]
        assert ["TST002"] == [f.code for f in check(thing, ignore=("TST001",))]
        assert [] == list(check(thing, select={"TST001"}, ignore={"TST001"}))

    def test_context_carries_date_and_options(self, test_rules: None) -> None:
        """The rule receives on= and a copy of options= (empty by default)."""
        del test_rules
        options = {"limit": 3}
        check(Thing(), on=DAY, options=options)
        check(Thing())
        first, second = SEEN
        assert (DAY, {"limit": 3}) == (first.on, dict(first.options))
        assert first.options is not options
        assert (None, {}) == (second.on, dict(second.options))


class TestReport:
    def test_sorted_by_severity_code_path(self) -> None:
        """Errors come first, then warnings, then info; then by code and path."""
        report = Report(
            findings=(
                finding("b", Severity.INFO, "z"),
                finding("b", Severity.ERROR, "b"),
                finding("a", Severity.WARNING, "a"),
                finding("a", Severity.ERROR, "z"),
                finding("b", Severity.ERROR, "a"),
            )
        )
        assert [
            ("a", "z"),
            ("b", "a"),
            ("b", "b"),
            ("a", "a"),
            ("b", "z"),
        ] == [(f.code, f.path) for f in report]

    def test_groups_and_counts(self) -> None:
        """errors, warnings, infos, counts and len agree."""
        report = Report(
            findings=(
                finding(severity=Severity.INFO),
                finding(severity=Severity.WARNING),
                finding(severity=Severity.WARNING),
            )
        )
        assert (0, 2, 1, 3) == (
            len(report.errors),
            len(report.warnings),
            len(report.infos),
            len(report),
        )
        assert {"error": 0, "warning": 2, "info": 1} == report.counts()
        assert report.ok

    def test_not_ok_with_an_error(self) -> None:
        """One error makes the report not ok."""
        assert not Report(findings=(finding(),)).ok

    def test_filter(self) -> None:
        """filter keeps codes, a minimum severity and a path prefix, combined."""
        report = Report(
            findings=(
                finding("a", Severity.INFO, "officials[0]"),
                finding("a", Severity.ERROR, "positions[0]"),
                finding("b", Severity.WARNING, "officials[1]"),
            )
        )
        assert 3 == len(report.filter())
        assert ["a", "a"] == [f.code for f in report.filter(codes=["a"])]
        assert 2 == len(report.filter(min_severity=Severity.WARNING))
        assert ["officials[0]", "officials[1]"] == sorted(
            f.path for f in report.filter(path_prefix="officials")
        )
        both = report.filter(codes={"b"}, min_severity=Severity.WARNING, path_prefix="officials")
        assert ["b"] == [f.code for f in both]
        assert isinstance(both, Report)

    @given(
        st.lists(
            st.tuples(
                st.sampled_from(["a", "b", "c"]),
                st.sampled_from(list(Severity)),
                st.sampled_from(["", "x", "x.y", "z"]),
            ),
            max_size=20,
        )
    )
    def test_order_and_counts_property(self, rows: list[tuple[str, Severity, str]]) -> None:
        """Any findings come out sorted, and the counts add up to the length."""
        report = Report(findings=tuple(finding(c, s, p) for c, s, p in rows))
        keys = [(-f.severity.rank, f.code, f.path) for f in report]
        assert sorted(keys) == keys
        assert len(rows) == sum(report.counts().values())

    def test_raise_for_errors_silent_without_errors(self) -> None:
        """Warnings and info do not raise."""
        report = Report(findings=(finding(severity=Severity.WARNING),))
        report.raise_for_errors()
        assert report.ok

    def test_raise_for_errors(self) -> None:
        """Each error becomes a PolicyViolationError with its code, path and params."""
        report = Report(
            findings=(
                finding("invalid.group", Severity.ERROR, "officials[2].nip", count=2),
                finding("invalid", Severity.ERROR, "positions[5].eselon"),
                finding("invalid", Severity.WARNING, "ignored"),
            )
        )
        with pytest.raises(ValidationErrorGroup) as info:
            report.raise_for_errors()
        members = info.value.members
        assert all(isinstance(m, PolicyViolationError) for m in members)
        assert [("invalid", "positions[5].eselon"), ("invalid.group", "officials[2].nip")] == [
            (m.code, m.path) for m in members
        ]
        assert "2 rule violations" == info.value.args[0]
        assert [
            "The value is invalid. @ $.positions[5].eselon",
            "2 validation errors were found. @ $.officials[2].nip",
        ] == explain(info.value, lang="en")

    @pytest.mark.parametrize(
        ("lang", "message"),
        [("id", "Ditemukan 2 kesalahan validasi."), ("en", "2 validation errors were found.")],
    )
    def test_to_dict(self, lang: str, message: str) -> None:
        """to_dict is JSON-ready, with the message in the language asked for."""
        report = Report(findings=(finding("invalid.group", Severity.WARNING, "a", count=2),))
        data = report.to_dict(lang=lang)  # type: ignore[arg-type]
        assert data == json.loads(json.dumps(data))
        assert {
            "ok": True,
            "counts": {"error": 0, "warning": 1, "info": 0},
            "findings": [
                {
                    "code": "invalid.group",
                    "severity": "warning",
                    "path": "a",
                    "message": message,
                    "subjects": [],
                    "source": "src",
                }
            ],
        } == data

    def test_to_dict_defaults_to_indonesian(self) -> None:
        """Without lang=, messages are Indonesian."""
        report = Report(findings=(finding(),))
        assert "Nilai tidak valid." == report.to_dict()["findings"][0]["message"]

    def test_to_text_english(self) -> None:
        """to_text lists a summary then one line per finding, with @ path when there is one."""
        report = Report(
            findings=(
                finding("invalid", Severity.ERROR, "officials[0]"),
                finding("invalid", Severity.WARNING, ""),
                finding("invalid", Severity.WARNING, "x"),
            )
        )
        assert (
            "1 error, 2 warnings, 0 info\n"
            "ERROR   invalid  The value is invalid. @ officials[0]\n"
            "WARNING invalid  The value is invalid.\n"
            "WARNING invalid  The value is invalid. @ x"
        ) == report.to_text(lang="en")

    def test_to_text_indonesian(self) -> None:
        """The Indonesian summary and messages are the default."""
        report = Report(
            findings=(finding("invalid", Severity.ERROR), finding("invalid", Severity.INFO))
        )
        assert (
            "1 galat, 0 peringatan, 1 info\n"
            "ERROR   invalid  Nilai tidak valid.\n"
            "INFO    invalid  Nilai tidak valid."
        ) == report.to_text()

    def test_summary_plurals(self) -> None:
        """English pluralises error and warning except for exactly one."""
        two = Report(findings=(finding(), finding(), finding(severity=Severity.WARNING)))
        assert "2 errors, 1 warning, 0 info" == two.to_text(lang="en").splitlines()[0]

    def test_to_markdown_empty(self) -> None:
        """An empty report is just the bold summary."""
        assert "**0 galat, 0 peringatan, 0 info**" == Report(findings=()).to_markdown()

    @pytest.mark.parametrize(
        ("lang", "head"),
        [
            ("id", "| Tingkat | Kode | Pesan | Lokasi |"),
            ("en", "| Severity | Code | Message | Path |"),
        ],
    )
    def test_to_markdown_table(self, lang: str, head: str) -> None:
        """Findings become table rows under a header in the language asked for."""
        report = Report(findings=(finding("invalid", Severity.ERROR, "a"),))
        lines = report.to_markdown(lang=lang).splitlines()  # type: ignore[arg-type]
        assert ["", head, "|---|---|---|---|"] == lines[1:4]
        assert lines[4].startswith("| error | `invalid` | ")
        assert lines[4].endswith(" | `a` |")

    def test_to_markdown_escapes_pipes(self) -> None:
        """A pipe in a message cannot break the table."""
        report = Report(findings=(finding("x|y", Severity.INFO, "p"),))
        assert "| info | `x|y` | x\\|y | `p` |" == report.to_markdown(lang="en").splitlines()[-1]


class TestValidate:
    def test_raises_on_errors(self, test_rules: None) -> None:
        """validate raises a group of PolicyViolationError with the paths."""
        del test_rules
        with pytest.raises(ValidationErrorGroup) as info:
            validate(Thing(values=(-1, 3, -2)))
        assert ["values[0]", "values[2]"] == [m.path for m in info.value.members]
        assert all(isinstance(m, PolicyViolationError) for m in info.value.exceptions)

    def test_returns_the_report_without_errors(self, test_rules: None) -> None:
        """Without errors validate returns the report (warnings and info kept)."""
        del test_rules
        report = validate(Thing(values=(200,)), on=DAY)
        assert ["TST002"] == [f.code for f in report.warnings]

    def test_passes_every_argument_to_check(self, test_rules: None) -> None:
        """select, ignore, severities and options reach check."""
        del test_rules
        thing = Thing(values=(-1, 200))
        report = validate(
            thing,
            select=["TST001", "TST002"],
            ignore=["TST002"],
            severities={"TST001": Severity.WARNING},
            options={"x": 1},
        )
        assert [("TST001", Severity.WARNING)] == [(f.code, f.severity) for f in report]
        assert {"x": 1} == dict(SEEN[-1].options)


class TestEmit:
    def test_an_unknown_code_is_refused(self) -> None:
        """emit() makes findings of registered rules only."""
        with pytest.raises(UnknownReferenceError):
            list(_rules.emit("XYZ999", [Hit()]))

    def test_the_hit_severity_wins_over_the_rule_and_loses_to_an_override(self) -> None:
        hit = Hit(path="p", severity=Severity.INFO)
        (plain,) = _rules.emit("ORG007", [hit])
        (moved,) = _rules.emit("ORG007", [hit], {"ORG007": Severity.ERROR})
        assert (plain.severity, moved.severity) == (Severity.INFO, Severity.ERROR)
        assert plain.source == RULES["ORG007"].source
