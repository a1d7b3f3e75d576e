"""Importing Terraform: our own exports parsed back with python-hcl2 give the services of the design."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind
from archbuilder.cli.main import main
from archbuilder.exporters.registry import export
from archbuilder.importers.cfn_yaml import TemplateError
from archbuilder.importers.terraform import import_terraform
from archbuilder.model import SubnetNode, load
from archbuilder.resource_files import example_path
from tests.model.builders import two_az_network

EXAMPLES = ["three-tier-web", "serverless-api", "static-site", "startup-mvp", "streaming-pipeline"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_service_of_an_exported_design_comes_back(name: str, tmp_path: Path) -> None:
    original = load(Path(str(example_path(name))))
    export("terraform", original, tmp_path)
    imported, report = import_terraform(tmp_path)
    wanted = Counter(s.type for s in original.services())
    got = Counter(s.type for s in imported.services())
    assert wanted - got == Counter()
    assert {n.cidr for n in imported.nodes.values() if isinstance(n, SubnetNode)} == {
        n.cidr for n in original.nodes.values() if isinstance(n, SubnetNode)
    }
    assert report.mapped


def test_subnets_land_in_their_zone_and_tier(tmp_path: Path) -> None:
    export("terraform", load(Path(str(example_path("three-tier-web")))), tmp_path)
    imported, _report = import_terraform(tmp_path)
    tiers = {
        n.cidr: (n.tier.value, imported.node(n.parent_id).zone)  # type: ignore[union-attr, arg-type]
        for n in imported.nodes.values()
        if isinstance(n, SubnetNode)
    }
    assert tiers["10.0.0.0/24"] == ("public", "us-east-1a")
    assert tiers["10.0.12.0/24"] == ("private", "us-east-1b")
    database = next(s for s in imported.services() if s.type == "rds_instance")
    assert database.properties["multi_az"] is True and len(database.extra_subnet_ids) == 1


def test_broken_hcl_is_refused_with_the_file_and_place(tmp_path: Path, capsys) -> None:
    (tmp_path / "main.tf").write_text('resource "aws_vpc" "x" {\n  cidr_block = \n', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"main\.tf: "):
        import_terraform(tmp_path)
    assert main(["import", str(tmp_path), "-o", str(tmp_path / "x.arch.json")]) == 2
    assert "main.tf" in capsys.readouterr().err


def test_an_instances_role_folds_into_the_instance_through_its_profile(tmp_path: Path) -> None:
    """aws_instance names its profile (iam_instance_profile), the profile its one role (role): the role comes
    back inside the instance, as from CloudFormation, not as a service of its own."""
    arch = two_az_network()
    arch.add_service("ec2_instance", "private-a", label="App", node_id="app")
    arch.add_service(
        "rds_instance", "private-a", label="Orders DB", extra_subnet_ids=["private-b"], node_id="db"
    )
    arch.connect("app", "db", ConnectionKind.TRAFFIC)
    written = export("terraform", arch, tmp_path)
    main_tf = next(p for p in written if p.name == "main.tf").read_text(encoding="utf-8")
    assert 'resource "aws_iam_instance_profile" "app_instance_profile"' in main_tf
    imported, report = import_terraform(tmp_path)
    assert sorted((s.type, s.label) for s in imported.services()) == [
        ("ec2_instance", "App"),
        ("rds_instance", "Orders DB"),
    ]
    assert report.generic == []
