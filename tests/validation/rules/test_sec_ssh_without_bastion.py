"""SEC-017 (SSH to private servers not through a bastion host): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.catalog import ConnectionKind
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_ssh_without_bastion import RULE
from tests.validation.builders import Build, Case, check_case, connect, svc, with_, world


def _ssh(source: dict[str, object]) -> dict[str, object]:
    return {"protocol": "tcp", "from_port": 22, "to_port": 22, **source}


def _private_app(*rules: dict[str, object]) -> Build:
    return with_(
        svc("ec2_instance", "public-a", "bastion"),
        svc("ec2_instance", "private-a", "app", ingress=list(rules)),
    )


CASE = Case(
    ok=_private_app(_ssh({"source_id": "bastion"})),
    bad=_private_app(_ssh({"cidr": "10.0.0.0/16"}), _ssh({"cidr": "192.168.0.0/24"})),
    expected=[
        (("app",), "“App” accepts SSH from 10.0.0.0/16, 192.168.0.0/24 rather than from a bastion host")
    ],
)


def test_sec_ssh_without_bastion() -> None:
    check_case(RULE, CASE)


def test_world_open_ssh_is_left_to_sec_001_and_attached_groups_count() -> None:
    assert validate(_private_app(world(22))(), [RULE]).findings == []
    arch = with_(
        svc("ec2_instance", "private-a", "app"),
        svc("security_group", "vpc", "admin", ingress=[_ssh({"cidr": "10.0.0.0/8"})]),
        connect("admin", "app", ConnectionKind.ATTACH),
    )()
    assert [f.message for f in validate(arch, [RULE]).findings] == [
        "“App” accepts SSH from 10.0.0.0/8 rather than from a bastion host"
    ]
