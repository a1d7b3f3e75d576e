"""Importing CloudFormation: real templates, containment and connection inference, round trips, hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.cli.main import main
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.cloudformation.yaml_dump import dump_yaml
from archbuilder.exporters.registry import export
from archbuilder.importers.cfn_yaml import TemplateError, load_template
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture, SubnetNode, dumps, load, loads
from archbuilder.model.naming import pascal
from archbuilder.model.nodes import ExistingNetwork
from archbuilder.resource_files import example_names, example_path
from archbuilder.validation import validate
from tests.importers.hostile_templates import HOSTILE, big_template_with_unknown_tag_at_the_end

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
TEMPLATES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".yaml", ".json"))
# These two use the Rain tool's !Rain::Embed tag (at these lines), which Rain expands when it packages the
# template: kept as written and written back, but not CloudFormation that cfn-lint reads.
RAIN = {"APIGateway_apigateway_lambda_integration.yaml": 108, "ElastiCache_Elasticache-snapshot.yaml": 220}


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_corpus_template_imports_and_keeps_every_resource(path: Path) -> None:
    arch, report = import_template(path)
    template = load_template(path.read_bytes(), path.name)
    accounted = {logical for logical, _kind, _node in report.mapped + report.generic} | {
        name for name, _ in report.folded
    }
    assert accounted == set(template["Resources"])
    assert loads(dumps(arch)) is not None  # the design is valid and saves
    assert arch.imported is not None
    for logical, _kind, node_id in report.mapped + report.generic:
        assert arch.imported.names[node_id] == logical
    # Every resource belongs to a node, so that deleting the node deletes what belongs to it.
    assert set(arch.imported.owners) == set(template["Resources"])


def test_vpc_template_infers_subnets_tiers_zones_and_nat() -> None:
    arch, report = import_template(CORPUS / "VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml")
    subnets = {n.label: n for n in arch.nodes.values() if isinstance(n, SubnetNode)}
    assert {label: (node.tier.value, node.parent_id) for label, node in subnets.items()} == {
        "PublicSubnet0": ("public", "vpc-az-a"),
        "PublicSubnet1": ("public", "vpc-az-b"),
        "PrivateSubnet0": ("private", "vpc-az-a"),
        "PrivateSubnet1": ("private", "vpc-az-b"),
    }
    nats = {s.label: arch.node(s.parent_id).label for s in arch.services() if s.type == "nat_gateway"}  # type: ignore[arg-type]
    assert nats == {"NATGateway0": "PublicSubnet0", "NATGateway1": "PublicSubnet1"}
    assert arch.service("internetgateway").parent_id == "vpc"
    assert "AWS::EC2::VPCGatewayAttachment" in {kind for _logical, kind in report.folded}


def test_webapp_template_connects_the_cdn_to_its_bucket_origin() -> None:
    arch, _report = import_template(CORPUS / "Solutions_WebApp_webapp.yaml")
    kinds = {
        (arch.node(c.source_id).type, arch.node(c.target_id).type, c.kind.value)
        for c in arch.connections.values()
    }  # type: ignore[union-attr]
    assert ("cloudfront_distribution", "s3_bucket", "origin") in kinds


def test_event_source_mappings_become_poll_connections() -> None:
    arch, _report = import_template(CORPUS / "S3_S3_LambdaTrigger.yaml")
    assert any(c.kind.value in ("event", "poll", "invoke") for c in arch.connections.values())


def _lint_errors(text: str) -> set[tuple[str, str]]:
    """cfn-lint's errors (not warnings) as (rule, message)."""
    from cfnlint.api import ManualArgs
    from cfnlint.api import lint as cfn_lint

    return {
        (m.rule.id, m.message)
        for m in cfn_lint(text, config=ManualArgs(regions=["us-east-1"]))
        if m.rule.id.startswith("E")
    }


@pytest.mark.parametrize("path", [p for p in TEMPLATES if p.name not in RAIN], ids=lambda p: p.name)
def test_every_corpus_import_re_exports_to_a_template_cfn_lint_accepts(path: Path) -> None:
    arch, _report = import_template(path)
    template = cloudformation_template(arch)
    # Both writers: the YAML one with its short forms (nested functions included) and the JSON one.
    exported = _lint_errors(dump_yaml(template, "")) | _lint_errors(json.dumps(template))
    original = _lint_errors(path.read_text(encoding="utf-8"))
    # The original's own errors may come back (ElasticLoadBalancing's GetAtt of a group name), nothing else.
    assert exported - original == set()


def test_the_kept_template_keeps_the_templates_own_names() -> None:
    arch, report = import_template(CORPUS / "DynamoDB_DynamoDB_Table.json")
    assert arch.service("mydynamodbtable").label == "myDynamoDBTable"
    template = cloudformation_template(arch)
    assert template["Resources"]["myDynamoDBTable"]["Type"] == "AWS::DynamoDB::Table"
    assert template["Outputs"]["TableName"]["Value"] == {"Ref": "myDynamoDBTable"}
    # The key's name is a parameter without a default: only a deployment knows it.
    assert report.warnings == [
        "myDynamoDBTable: Partition key is set by an expression whose value only a deployment knows; checks "
        "assume 'pk'; the template keeps it"
    ]
    table = arch.service("mydynamodbtable").properties
    assert (table["partition_key_type"], table["read_capacity"], table["write_capacity"]) == ("S", 5, 10)


def test_an_instance_in_subnets_given_as_a_parameter_sits_in_a_placeholder_with_its_group_written_back() -> (
    None
):
    # The template takes its subnets as a List<AWS::EC2::Subnet::Id> parameter and the instance the first one.
    arch, report = import_template(CORPUS / "EC2_EC2InstanceWithSecurityGroupSample.yaml")
    assert report.generic == []
    instance = arch.service("ec2instance")
    subnet = arch.node(instance.parent_id or "")
    vpc = arch.node(arch.node(subnet.parent_id or "").parent_id or "")
    assert (subnet.label, subnet.tier.value, subnet.existing, vpc.label, vpc.existing) == (  # type: ignore[union-attr]
        "Subnets 1",
        "private",
        ExistingNetwork(parameter="Subnets", index=0),
        "Existing VPC",
        ExistingNetwork(),
    )
    assert report.folded == [("InstanceSecurityGroup", "AWS::EC2::SecurityGroup")]
    assert arch.imported is not None and arch.imported.owners["InstanceSecurityGroup"] == "ec2instance"
    resources = cloudformation_template(arch)["Resources"]
    assert resources["EC2Instance"]["Properties"]["SecurityGroupIds"] == [
        {"Fn::GetAtt": ["InstanceSecurityGroup", "GroupId"]}
    ]
    assert resources["InstanceSecurityGroup"]["Type"] == "AWS::EC2::SecurityGroup"


def test_outputs_naming_folded_helpers_are_written_back_but_left_out_of_a_rendering_from_the_model() -> None:
    path = CORPUS / "ECS_FargateLaunchType_clusters_private-vpc.yaml"
    arch, _report = import_template(path)
    template = load_template(path.read_bytes(), "x")
    assert set(template["Outputs"]) - set(arch.template.outputs) == {"PublicListener", "PrivateListener"}
    assert cloudformation_template(arch)["Outputs"] == template["Outputs"]


@pytest.mark.parametrize("name", example_names())
def test_export_import_export_keeps_the_resources_and_the_findings(name: str, tmp_path: Path) -> None:
    original = load(Path(str(example_path(name))))
    [template] = export("cloudformation", original, tmp_path)
    imported, report = import_template(template)
    first, again = build_template(original), build_template(imported)

    def resources(t: dict) -> list[tuple[str, str]]:
        return sorted((logical, body["Type"]) for logical, body in t["Resources"].items())

    assert resources(again) == resources(first)  # the same logical ids, from the same labels
    assert report.generic == []

    def findings(arch: Architecture) -> list[tuple[str, str, list[str]]]:
        return sorted(
            (
                f.rule_id,
                f.severity.value,
                sorted(pascal(arch.node(n).label) for n in f.node_ids if n in arch.nodes),
            )
            for f in validate(arch).findings
        )

    assert findings(imported) == findings(original)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_templates_are_refused_with_a_clear_message(name: str, tmp_path: Path) -> None:
    # How long each refusal takes is measured by bench/bench_import.py, not asserted here.
    text, message = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(TemplateError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_template(path)


def test_a_50_mb_template_is_refused_without_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"Resources:\n" + b"#" * (50 * 1024 * 1024))
    with pytest.raises(TemplateError, match=r"huge\.yaml: 52\.4 MB is over the 5 MB limit"):
        import_template(path)


def test_import_cli_writes_the_design_and_prints_the_report(tmp_path: Path, capsys) -> None:
    out = tmp_path / "vpc.arch.json"
    assert (
        main(["import", str(CORPUS / "VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml"), "-o", str(out)])
        == 0
    )
    printed = capsys.readouterr().out
    assert "resources mapped to catalog services" in printed and f"wrote {out}" in printed
    assert load(out).services()
    assert (
        main(["import", str(CORPUS / "VPC_VPC_With_Managed_NAT_And_Private_Subnet.yaml"), "-o", str(out)])
        == 2
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("Resources:\n  X: !Nope 1\n", encoding="utf-8")
    assert main(["import", str(bad), "-o", str(tmp_path / "bad.arch.json")]) == 2
    assert "unknown tag !Nope" in capsys.readouterr().err


def test_a_database_sits_in_its_subnet_groups_subnets_with_literal_properties_mapped() -> None:
    arch, report = import_template(
        Path(__file__).parent.parent / "fixtures" / "import" / "rds_in_subnet_group.yaml"
    )
    database = arch.service("db")
    assert (database.parent_id, database.extra_subnet_ids) == ("a", ["b"])
    assert {name: database.properties[name] for name in ("engine", "multi_az", "allocated_storage_gb")} == {
        "engine": "mysql",  # MySQL in the template: CloudFormation takes engine names in any case
        "multi_az": True,
        "allocated_storage_gb": 20,
    }
    assert {arch.node(s).parent_id for s in ("a", "b")} == {"vpc-az-a", "vpc-az-b"}
    assert report.folded == [("Group", "AWS::RDS::DBSubnetGroup")] and report.warnings == []


def test_an_unknown_tag_at_the_end_of_a_template_near_the_size_limit_is_refused_with_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(big_template_with_unknown_tag_at_the_end(), encoding="utf-8")
    assert 4_500_000 < path.stat().st_size < 5 * 1024 * 1024
    with pytest.raises(TemplateError, match=r"big\.yaml: line 192002: unknown tag !Evil"):
        import_template(path)


def test_duplicate_keys_in_one_flow_mapping_are_refused() -> None:
    with pytest.raises(TemplateError, match=r"x: line 2: duplicate key 'Type' \(first on line 2\)"):
        load_template(b"Resources:\n  A: {Type: AWS::SQS::Queue, Type: AWS::SNS::Topic}\n", "x")


@pytest.mark.parametrize("name", sorted(RAIN))
def test_a_rain_directive_is_kept_and_written_back_with_its_tag(name: str, tmp_path: Path) -> None:
    path = CORPUS / name
    arch, _report = import_template(path)
    [written] = export("cloudformation", arch, tmp_path)
    line = path.read_text(encoding="utf-8").splitlines()[RAIN[name] - 1]
    assert "!Rain::Embed" in line
    assert line in written.read_text(encoding="utf-8").splitlines()
    [function] = [
        body
        for body in load_template(written.read_bytes(), "template.yaml")["Resources"].values()
        if body["Type"] == "AWS::Lambda::Function"
    ]
    assert function["Properties"]["Code"]["ZipFile"] == {
        "Rain::Embed": line.split("!Rain::Embed ")[1].strip()
    }
