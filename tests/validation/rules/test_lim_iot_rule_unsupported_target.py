"""LIM-057 (IoT rule action to an unsupported service): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.lim_iot_rule_unsupported_target import RULE
from tests.validation.builders import Build, Case, check_case, connect, db, svc, with_


def _telemetry(direct: bool) -> Build:
    return with_(
        svc("iot_core", "region", "telemetry"),
        svc("lambda_function", "private-a", "store", ["private-b"]),
        db("private-a", ["private-b"]),
        connect(
            "telemetry",
            "db" if direct else "store",
            ConnectionKind.TRAFFIC if direct else ConnectionKind.EVENT,
            5432 if direct else None,
        ),
        connect("store", "db", ConnectionKind.TRAFFIC, 5432),
    )


CASE = Case(
    ok=_telemetry(direct=False),
    bad=_telemetry(direct=True),
    expected=[
        (
            ("telemetry", "db"),
            "“Telemetry” sends device data straight to “DB”, which no IoT rule action can reach",
        )
    ],
)


def test_lim_iot_rule_unsupported_target() -> None:
    check_case(RULE, CASE)
