"""A design survives an export and an import with every value the user set: the design holding every catalog
service (tests/exporters/every_service.py) and every bundled example, exported to CloudFormation YAML and to
Terraform as the CLI exports them and imported back, give every service back under its label, of its type, with
each property's value and with its connections.

What the export writes in place of a value of the design (an empty engine version the database's own parameter
group pins, a placeholder script location, an hourly schedule for a rule with none) is named in its warnings
and recorded, and read back as the design's value: it is no difference. Nor is a connection it writes nothing for,
which it leaves as a step to do by hand naming both ends, read back as the connection. The differences left are
listed below, each with why: none is a value silently replaced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from archbuilder.exporters.cloudformation.manual import WRITTEN_INSTEAD_HEADING
from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from archbuilder.exporters.terraform.files import render
from archbuilder.importers.terraform import import_terraform
from archbuilder.importers.terraform_comments import written_instead
from archbuilder.model import Architecture, load
from archbuilder.resource_files import example_names, example_path
from tests.exporters.every_service import every_service
from tests.importers.round_trips import imported
from tests.importers.value_round_trips import Difference, differences, round_trip

FORMATS = ("cloudformation", "terraform")
BOTH = FORMATS


def _example(name: str) -> Callable[[], Architecture]:
    return lambda: load(Path(str(example_path(name))))


DESIGNS: dict[str, Callable[[], Architecture]] = {
    "every-service": every_service,
    **{name: _example(name) for name in example_names()},
}

# Differences that are right by design, each with why; the export names each in its warnings (the text given),
# unless what the connection says takes nothing written.
# (design, difference) -> (formats, why, what the export's warnings say of it).
ACCEPTED: dict[tuple[str, Difference], tuple[tuple[str, ...], str, str]] = {
    ("every-service", ("connection", "CloudTrail", "GuardDuty", "logs", "missing")): (
        BOTH,
        "GuardDuty reads the account's CloudTrail events by itself, unasked: nothing in a template says it",
        "",
    ),
}

# Differences still to remove, each with why: what the export does not write (and does not yet name), or what the
# import does not yet read back. (design, difference) -> (formats, why).
NOT_YET: dict[tuple[str, Difference], tuple[tuple[str, ...], str]] = {}


def expected(design: str, fmt: str) -> set[Difference]:
    listed = [(key, formats) for key, (formats, *_why) in {**ACCEPTED, **NOT_YET}.items()]
    return {difference for (name, difference), formats in listed if name == design and fmt in formats}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_a_design_comes_back_with_every_value_label_and_connection(
    design: str, fmt: str, tmp_path: Path
) -> None:
    original = DESIGNS[design]()
    back, notes = round_trip(original, fmt, tmp_path / "out")
    assert sorted(differences(original, back)) == sorted(expected(design, fmt))
    for (name, _difference), (formats, _why, announced) in ACCEPTED.items():
        if name == design and fmt in formats and announced:
            assert [note for note in notes if announced in note], announced


def _service(arch: Architecture, label: str) -> dict[str, object]:
    [node] = [n for n in arch.services() if n.label == label]
    return dict(node.properties)


def test_a_value_written_in_place_of_the_designs_is_recorded_and_read_back_only_while_the_template_holds_it(
    tmp_path: Path,
) -> None:
    template = build_template(every_service())
    records = template["Metadata"]["archbuilder"]["written_instead"]
    assert [r for r in records if r["node"] in ("Glue job", "MSK")] == [
        {
            "node": "Glue job",
            "service": "Glue job",
            "property": "script_location",
            "design": "",
            "written": "s3://replace-me/scripts/job.py",
            "why": "the design names no script; upload the job's script and give its S3 location when deploying",
        },
        {
            "node": "MSK",
            "service": "MSK",
            "property": "num_nodes",
            "design": 3,
            "written": 4,
            "why": "MSK creates the same number of brokers in each of the cluster's 2 AZs (LIM-036): rounded up",
        },
    ]
    assert template["Resources"]["MSK"]["Properties"]["NumberOfBrokerNodes"] == 4
    # Someone sets the script and six brokers in the template: those are the design's now.
    template["Parameters"]["GlueJobScriptLocation"]["Default"] = "s3://scripts/etl.py"
    template["Resources"]["MSK"]["Properties"]["NumberOfBrokerNodes"] = 6
    arch, _report = imported(template, tmp_path)
    assert _service(arch, "Glue job")["script_location"] == "s3://scripts/etl.py"
    assert _service(arch, "MSK")["num_nodes"] == 6
    # The other records still hold: the database's pinned version reads back empty.
    assert _service(arch, "RDS")["engine_version"] == ""


def test_terraform_records_them_atop_main_tf_and_reads_back_an_edited_value_as_written(
    tmp_path: Path,
) -> None:
    files = render(every_service())
    assert (
        "#   - MSK (MSK): num_nodes 3 is written as 4: MSK creates the same number of brokers in each of the "
        "cluster's 2 AZs (LIM-036): rounded up"
    ) in files["main.tf"].splitlines()
    assert "#   aws_ecs_service.fargate: fargate_task" in files["main.tf"].splitlines()
    files["main.tf"] = files["main.tf"].replace("number_of_broker_nodes = 4", "number_of_broker_nodes = 6")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    arch, _report = import_terraform(tmp_path)
    assert _service(arch, "MSK")["num_nodes"] == 6
    assert _service(arch, "Glue job")["script_location"] == ""
    assert [n.type for n in arch.services() if n.label == "Fargate"] == ["fargate_task"]


def test_a_comment_line_that_does_not_read_ends_the_list() -> None:
    main = "\n".join(
        [
            WRITTEN_INSTEAD_HEADING,
            '#   - Jobs (Glue job): script_location "" is written as "s3://replace-me/scripts/job.py": why',
            '#   - Jobs (Glue job): script_location "" is written as "s3://x: y',  # the value's JSON is cut short
            '#   - RDS (RDS): engine_version "" is written as "18": why',
        ]
    )
    assert written_instead(main) == [
        {
            "node": "Jobs",
            "service": "Glue job",
            "property": "script_location",
            "design": "",
            "written": "s3://replace-me/scripts/job.py",
        }
    ]


def test_an_edit_of_a_value_written_as_a_parameter_or_variable_is_exported_and_comes_back(
    tmp_path: Path,
) -> None:
    """An imported design's instance type and script location, written as a template parameter's or a Terraform
    variable's default, are exported as edited (the kept template's default used to win over the design's)."""
    template = build_template(every_service())
    arch, _report = imported(template, tmp_path)
    files = render(every_service())
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    from_terraform, _report = import_terraform(tmp_path)
    for design in (arch, from_terraform):
        [ec2] = [n for n in design.services() if n.label == "EC2"]
        [glue] = [n for n in design.services() if n.label == "Glue job"]
        design.set_property(ec2.id, "instance_type", "t3.large")
        design.set_property(glue.id, "script_location", "s3://scripts/etl.py")
    written = cloudformation_template(arch)
    assert written["Parameters"]["EC2InstanceType"]["Default"] == "t3.large"
    assert written["Parameters"]["GlueJobScriptLocation"]["Default"] == "s3://scripts/etl.py"
    assert "Glue job" not in {r["node"] for r in written["Metadata"]["archbuilder"]["written_instead"]}
    back, _report = imported(written, tmp_path)
    again = tmp_path / "again"
    again.mkdir()
    files_again = render(from_terraform)
    # main.tf's opening comment no longer says the script location is a placeholder.
    assert [line for line in files_again["main.tf"].splitlines() if line.startswith("#   - Glue job")] == []
    for name, text in files_again.items():
        (again / name).write_text(text, encoding="utf-8")
    back_from_terraform, _report = import_terraform(again)
    for design in (back, back_from_terraform):
        assert _service(design, "EC2")["instance_type"] == "t3.large"
        assert _service(design, "Glue job")["script_location"] == "s3://scripts/etl.py"


def test_a_service_added_to_a_design_imported_from_terraform_gets_its_records_in_main_tf(
    tmp_path: Path,
) -> None:
    """The comment atop a written-back main.tf gains the lists of what the export wrote for an added service (a
    Glue job's placeholder script location, its label), so that its import reads the design back."""
    for name, text in render(_example("reference-data-lake")()).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    arch, _report = import_terraform(tmp_path)
    arch.add_service("glue_job", "region", label="Nightly ETL", node_id="etl")
    files = render(arch)
    comment = [line for line in files["main.tf"].splitlines() if line.startswith("#")]
    assert comment[-4:] == [
        WRITTEN_INSTEAD_HEADING,
        '#   - Nightly ETL (Glue job): script_location "" is written as "s3://replace-me/scripts/job.py": the '
        "design names no script; upload the job's script and give its S3 location when deploying",
        "# Labels the resource names do not spell (read back by archbuilder's import):",
        "#   aws_glue_job.nightly_etl: Nightly ETL",
    ]
    again = tmp_path / "again"
    again.mkdir()
    for name, text in files.items():
        (again / name).write_text(text, encoding="utf-8")
    back, _report = import_terraform(again)
    assert _service(back, "Nightly ETL")["script_location"] == ""
