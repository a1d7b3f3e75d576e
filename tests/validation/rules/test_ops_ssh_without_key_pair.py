"""OPS-010 (SSH open but no key pair): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation.rules.ops_ssh_without_key_pair import RULE
from tests.validation.builders import Case, check_case, svc, with_

_SSH_FROM_OFFICE = [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr": "198.51.100.0/24"}]

CASE = Case(
    ok=with_(svc("ec2_instance", "public-a", "box", key_name="admin", ingress=_SSH_FROM_OFFICE)),
    bad=with_(svc("ec2_instance", "public-a", "box", ingress=_SSH_FROM_OFFICE)),
    expected=[(("box",), "“Box” opens SSH but has no key pair")],
)


def test_ops_ssh_without_key_pair() -> None:
    check_case(RULE, CASE)
