"""OPS-004 (Mutable image tags in production): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.model import Environment
from archbuilder.validation import validate
from archbuilder.validation.rules.ops_mutable_image_tags import RULE
from tests.validation.builders import Case, check_case, environment, svc, with_

CASE = Case(
    ok=with_(svc("ecr_repository", "region", "images", image_tag_mutability="IMMUTABLE")),
    bad=with_(svc("ecr_repository", "region", "images", image_tag_mutability="MUTABLE")),
    expected=[(("images",), "“Images” lets pushes overwrite existing image tags")],
)


def test_ops_mutable_image_tags() -> None:
    check_case(RULE, CASE)


def test_development_repositories_may_keep_mutable_tags() -> None:
    arch = with_(
        svc("ecr_repository", "region", "images", image_tag_mutability="MUTABLE"),
        environment(Environment.DEVELOPMENT),
    )()
    assert validate(arch, [RULE]).findings == []
