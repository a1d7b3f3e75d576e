"""LIM-049 (EKS cluster without an API endpoint): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.lim_eks_without_endpoint import RULE
from tests.validation.builders import Build, Case, check_case, svc, with_


def _cluster(private: bool) -> Build:
    return with_(
        svc(
            "eks_cluster",
            "private-a",
            "k8s",
            ["private-b"],
            endpoint_public_access=False,
            endpoint_private_access=private,
        )
    )


CASE = Case(
    ok=_cluster(private=True),
    bad=_cluster(private=False),
    expected=[(("k8s",), "“K8s” has neither a public nor a private API endpoint")],
)


def test_lim_eks_without_endpoint() -> None:
    check_case(RULE, CASE)
