"""REL-077 (Worker environment without a queue): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation.rules.rel_beanstalk_worker_without_queue import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_


def _worker(fed: bool) -> Build:
    return with_(
        svc("elastic_beanstalk", "region", "worker", tier="Worker"),
        svc("elastic_beanstalk", "region", "site", tier="WebServer"),
        svc("sqs_queue", "region", "jobs"),
        *([connect("jobs", "worker", ConnectionKind.POLL)] if fed else []),
    )


CASE = Case(
    ok=_worker(fed=True),
    bad=_worker(fed=False),
    expected=[(("worker",), "“Worker” is a worker environment but no SQS queue feeds it")],
)


def test_rel_beanstalk_worker_without_queue() -> None:
    check_case(RULE, CASE)
