"""SEC-008 (Connection not allowed by security groups): the ok and the bad fixture with the exact findings, and
each finding held against what the CloudFormation export writes for the same design: a drawn group attached to the
target and declared ingress rules leave the export's rule for the connection in place, so neither is reported; a
connection over UDP gets only a TCP rule, so it is, unless a declared rule lets it in."""

from __future__ import annotations

from typing import Any

from archbuilder.catalog import ConnectionKind as K
from archbuilder.catalog.security_groups import TAKES_NO_SECURITY_GROUP
from archbuilder.exporters.cloudformation.network import NO_SECURITY_GROUP
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.model import Architecture
from archbuilder.validation import validate
from archbuilder.validation.rules.sec_connection_not_allowed import RULE
from tests.validation.builders import Case, both, check_case, db, svc, with_


def _traffic(source: str, target: str, port: int | None, protocol: str | None = None) -> Any:
    def build(arch: Architecture) -> None:
        arch.connect(source, target, K.TRAFFIC, port=port, protocol=protocol)  # type: ignore[arg-type]

    return build


def _app_and_db(ingress: list[dict[str, object]], protocol: str | None) -> Any:
    return with_(
        both(
            svc("ec2_instance", "private-a", "app"),
            db("private-a", ["private-b"], ingress=ingress),
            _traffic("app", "db", 5432, protocol),
        )
    )


UDP_FROM_APP = {"protocol": "udp", "from_port": 5432, "to_port": 5432, "source_id": "app"}
MYSQL_FROM_APP = {"protocol": "tcp", "from_port": 3306, "to_port": 3306, "source_id": "app"}
UDP_FINDING = (
    ("app", "db"),
    "“App” → “DB” over UDP port 5432: the export opens a drawn connection over TCP only, and no security group "
    "rule of “DB” lets it in",
)

CASE = Case(
    ok=_app_and_db([UDP_FROM_APP], "udp"),
    bad=_app_and_db([MYSQL_FROM_APP], "udp"),
    expected=[UDP_FINDING],
)


def test_sec_connection_not_allowed() -> None:
    check_case(RULE, CASE)


def _messages(arch: Architecture) -> list[tuple[tuple[str, ...], str]]:
    return [(f.node_ids, f.message) for f in validate(arch, [RULE]).findings]


def _ingress_to_db(arch: Architecture) -> dict[str, dict[str, Any]]:
    """The template's ingress on the database's own group: its inline rules and its ingress resources."""
    resources = build_template(arch)["Resources"]
    rules = {
        f"DBSecurityGroup[{index}]": rule
        for index, rule in enumerate(
            resources["DBSecurityGroup"]["Properties"].get("SecurityGroupIngress", [])
        )
    }
    for name, resource in resources.items():
        props = resource.get("Properties", {})
        if resource["Type"] == "AWS::EC2::SecurityGroupIngress" and props["GroupId"] == {
            "Ref": "DBSecurityGroup"
        }:
            rules[name] = {key: value for key, value in props.items() if key != "GroupId"}
    return rules


FROM_APP_TCP = {
    "IpProtocol": "tcp",
    "FromPort": 5432,
    "ToPort": 5432,
    "Description": "from App",
    "SourceSecurityGroupId": {"Ref": "AppSecurityGroup"},
}


def test_a_group_node_on_the_target_leaves_the_exported_connection_rule_and_is_not_reported() -> None:
    arch = _app_and_db([], None)()
    arch.add_service(
        "security_group",
        "vpc",
        label="Office",
        node_id="office",
        properties={
            "group_description": "SSH from the office",
            "ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr": "198.51.100.0/24"}],
        },
    )
    arch.connect("office", "db", K.ATTACH)
    assert _messages(arch) == []
    assert _ingress_to_db(arch) == {"DBSecurityGroupFromApp": FROM_APP_TCP}
    db_groups = build_template(arch)["Resources"]["DB"]["Properties"]["VPCSecurityGroups"]
    assert db_groups == [{"Ref": "DBSecurityGroup"}, {"Ref": "Office"}]


def test_declared_ingress_beside_a_connection_is_not_reported_as_the_export_opens_both() -> None:
    arch = _app_and_db([MYSQL_FROM_APP], None)()
    assert _messages(arch) == []
    assert _ingress_to_db(arch) == {
        "DBSecurityGroupFromAppRule": {
            "IpProtocol": "tcp",
            "FromPort": 3306,
            "ToPort": 3306,
            "Description": "declared ingress rule",
            "SourceSecurityGroupId": {"Ref": "AppSecurityGroup"},
        },
        "DBSecurityGroupFromApp": FROM_APP_TCP,
    }


def test_a_udp_connection_the_export_opens_over_tcp_only_is_reported() -> None:
    arch = _app_and_db([MYSQL_FROM_APP], "udp")()
    assert _messages(arch) == [UDP_FINDING]
    assert [rule["IpProtocol"] for rule in _ingress_to_db(arch).values()] == ["tcp", "tcp"]


def test_a_declared_udp_rule_lets_the_udp_connection_in() -> None:
    arch = _app_and_db([UDP_FROM_APP], "udp")()
    assert _messages(arch) == []
    assert _ingress_to_db(arch)["DBSecurityGroupFromAppRule"]["IpProtocol"] == "udp"


def test_connections_over_all_protocols_and_icmp_need_a_rule_of_their_protocol() -> None:
    all_from_app = {"protocol": "all", "source_id": "app"}
    assert _messages(_app_and_db([UDP_FROM_APP], "all")()) == [
        (
            ("app", "db"),
            "“App” → “DB” over all protocols: the export opens a drawn connection over TCP only, and no security "
            "group rule of “DB” lets it in",
        )
    ]
    assert _messages(_app_and_db([all_from_app], "all")()) == []
    assert _messages(_app_and_db([{"protocol": "icmp", "from_port": 8, "source_id": "app"}], "icmp")()) == []
    assert _messages(_app_and_db([], "http")()) == []


def test_what_takes_no_group_is_what_the_export_gives_none_and_opens_nothing_for() -> None:
    opened_on_a_cluster_group = {"cloudhsm_cluster", "eks_node_group", "security_group"}
    assert NO_SECURITY_GROUP - opened_on_a_cluster_group == TAKES_NO_SECURITY_GROUP
