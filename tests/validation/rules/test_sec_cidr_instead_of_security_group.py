"""SEC-019 (Address range where a security group source fits): ok and bad fixtures, exact findings."""

from __future__ import annotations

from archbuilder.validation import validate
from archbuilder.validation.rules.sec_cidr_instead_of_security_group import RULE
from tests.validation.builders import Case, check_case, db, svc, with_


def _postgres(source: dict[str, object]) -> dict[str, object]:
    return {"protocol": "tcp", "from_port": 5432, "to_port": 5432, **source}


CASE = Case(
    ok=with_(
        svc("ec2_instance", "private-a", "app"), db("private-a", ingress=[_postgres({"source_id": "app"})])
    ),
    bad=with_(
        svc("ec2_instance", "private-a", "app"),
        db("private-a", ingress=[_postgres({"cidr": "10.0.1.0/24"}), _postgres({"cidr": "10.0.0.0/16"})]),
    ),
    expected=[
        (
            ("db",),
            "“DB” admits 10.0.0.0/16, 10.0.1.0/24 from its own VPC by address range instead of by security group",
        )
    ],
)


def test_sec_cidr_instead_of_security_group() -> None:
    check_case(RULE, CASE)


def test_ranges_outside_the_vpc_and_ssh_are_other_rules() -> None:
    office = with_(db("private-a", ingress=[_postgres({"cidr": "192.168.10.0/24"})]))()
    ssh = with_(
        svc(
            "ec2_instance",
            "private-a",
            "app",
            ingress=[{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr": "10.0.0.0/16"}],
        )
    )()
    assert validate(office, [RULE]).findings == [] and validate(ssh, [RULE]).findings == []
