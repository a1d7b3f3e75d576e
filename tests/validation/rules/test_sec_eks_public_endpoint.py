"""SEC-036 (Kubernetes API open to the internet): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.sec_eks_public_endpoint import RULE
from tests.validation.builders import Case, check_case, svc, with_

CASE = Case(
    ok=with_(svc("eks_cluster", "private-a", "k8s", ["private-b"], endpoint_public_access=False)),
    bad=with_(svc("eks_cluster", "private-a", "k8s", ["private-b"], endpoint_public_access=True)),
    expected=[(("k8s",), "“K8s” exposes its Kubernetes API endpoint to the internet")],
)


def test_sec_eks_public_endpoint() -> None:
    check_case(RULE, CASE)
