"""OPS-007 (Container image tagged latest): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_latest_image_tag import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(
        svc(
            "ecs_service", "private-a", "api", ["private-b"], image="registry.example.com:5000/shop/api:1.4.2"
        ),
        svc("ecs_service", "private-a", "web", ["private-b"], image="shop/web@sha256:" + "a" * 64),
    ),
    bad=with_(
        svc("ecs_service", "private-a", "api", ["private-b"], image="shop/api:latest"),
        svc("ecs_service", "private-a", "web", ["private-b"], image="registry.example.com:5000/shop/web"),
    ),
    expected=[
        (("api",), "“Api” runs shop/api:latest, whose content changes with every push"),
        (("web",), "“Web” runs registry.example.com:5000/shop/web, whose content changes with every push"),
    ],
)


def test_ops_latest_image_tag() -> None:
    check_case(RULE, CASE)
