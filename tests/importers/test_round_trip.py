"""Round trips proved with `archbuilder diff`: a template imported and exported again describes the same
resources, and an edit of the design changes exactly what it is about."""

from __future__ import annotations

from pathlib import Path

import pytest

from archbuilder.catalog import ConnectionKind as K
from archbuilder.cli.main import main
from archbuilder.compare.diff_engine import Change, DocumentDiff, diff_documents
from archbuilder.compare.diff_sources import load_side
from archbuilder.exporters.registry import export
from archbuilder.importers.cloudformation import import_template
from archbuilder.model import Architecture, load, save
from archbuilder.resource_files import example_names, example_path
from tests.importers.test_cloudformation_import import TEMPLATES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
HANDWRITTEN = sorted(
    (Path(__file__).resolve().parent.parent / "fixtures" / "corpus" / "archbuilder").glob("*.yaml")
)
CORPUS = TEMPLATES + HANDWRITTEN
FORMATS = {"cloudformation": "template.yaml", "cloudformation-json": "template.json"}


def exported(arch: Architecture, fmt: str, folder: Path) -> Path:
    [path] = export(fmt, arch, folder)
    return path


def difference(a: Path, b: Path) -> DocumentDiff:
    return diff_documents(load_side(a), load_side(b))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_template_comes_back_with_no_difference(path: Path, fmt: str, tmp_path: Path) -> None:
    arch, _report = import_template(path)
    diff = difference(path, exported(arch, fmt, tmp_path))
    assert (diff.resources, diff.sections) == ([], [])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", example_names())
def test_every_example_exported_imported_and_exported_again_has_no_difference(
    name: str, fmt: str, tmp_path: Path
) -> None:
    original = load(Path(str(example_path(name))))
    first = exported(original, fmt, tmp_path / "first")
    imported, report = import_template(first)
    assert report.generic == []
    again = exported(imported, fmt, tmp_path / "again")
    diff = difference(first, again)
    assert (diff.resources, diff.sections) == ([], [])
    # The design comes back under its own name and labels.
    assert imported.metadata.name == original.metadata.name
    assert sorted(s.label for s in imported.services() if s.type != "generic") == sorted(
        s.label for s in original.services()
    )


def test_the_diff_command_proves_a_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = FIXTURES / "function_with_attributes.yaml"
    design = tmp_path / "worker.arch.json"
    assert main(["import", str(template), "-o", str(design)]) == 0
    capsys.readouterr()
    assert main(["diff", str(template), str(design)]) == 0
    assert capsys.readouterr().out == f"no difference between {template} and {design}\n"


def _worker() -> Architecture:
    arch, _report = import_template(FIXTURES / "function_with_attributes.yaml")
    return arch


def _diff_after(arch: Architecture, tmp_path: Path) -> DocumentDiff:
    path = tmp_path / "edited.arch.json"
    save(arch, path)
    return difference(FIXTURES / "function_with_attributes.yaml", path)


def test_what_the_model_does_not_understand_is_written_back_as_it_was() -> None:
    from archbuilder.exporters.cloudformation.source_template import cloudformation_template

    arch = _worker()
    worker = arch.service("worker")
    assert (worker.label, worker.properties["memory_mb"], worker.properties["timeout_seconds"]) == (
        "Orders worker",
        512,
        60,
    )
    resources = cloudformation_template(arch)["Resources"]
    assert resources["Worker"]["DependsOn"] == "Jobs"
    assert resources["Worker"]["Metadata"] == {"owner": "shop-team"}
    assert {
        k: resources["Worker"]["Properties"][k] for k in ("Architectures", "ReservedConcurrentExecutions")
    } == {
        "Architectures": ["arm64"],
        "ReservedConcurrentExecutions": 5,
    }
    assert (resources["Jobs"]["DeletionPolicy"], resources["Jobs"]["UpdateReplacePolicy"]) == (
        "Retain",
        "Retain",
    )
    assert resources["Alerts"]["Condition"] == "IsProd"
    assert resources["Ready"]["CreationPolicy"] == {"ResourceSignal": {"Count": 1, "Timeout": "PT10M"}}
    assert resources["Search"]["UpdatePolicy"] == {"EnableVersionUpgrade": True}
    assert resources["WorkerFromJobs"]["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]


def test_a_property_edit_changes_that_property_only(tmp_path: Path) -> None:
    arch = _worker()
    arch.set_property("worker", "memory_mb", 1024)
    arch.set_property("jobs", "visibility_timeout_seconds", 300)
    diff = _diff_after(arch, tmp_path)
    assert [(r.name, r.status, r.changes) for r in diff.resources] == [
        ("Jobs", "changed", [Change("VisibilityTimeout", "changed", 180, 300)]),
        ("Worker", "changed", [Change("MemorySize", "changed", 512, 1024)]),
    ]
    assert diff.sections == []


def test_a_new_connection_adds_exactly_its_grant(tmp_path: Path) -> None:
    arch = _worker()
    arch.connect("worker", "alerts", K.WRITE)
    diff = _diff_after(arch, tmp_path)
    added = [(r.name, r.status) for r in diff.resources]
    assert added == [("Worker", "changed"), ("WorkerRolePolicy", "added")]
    assert diff.resources[0].changes == [
        Change("Environment", "added", None, {"Variables": {"ALERTS_TOPIC_ARN": {"Ref": "Alerts"}}})
    ]


def test_a_label_edit_renames_the_name_tag_and_keeps_the_other_tags(tmp_path: Path) -> None:
    arch = _worker()
    arch.set_label("jobs", "Order jobs (fifo soon)")
    diff = _diff_after(arch, tmp_path)
    assert [(r.name, r.changes) for r in diff.resources] == [
        ("Jobs", [Change("Tags.Name", "changed", "Order jobs", "Order jobs (fifo soon)")])
    ]


def test_deleting_a_node_deletes_what_belongs_to_it_and_references_to_it(tmp_path: Path) -> None:
    arch = _worker()
    arch.remove_node("jobs")
    diff = _diff_after(arch, tmp_path)
    assert [(r.name, r.status) for r in diff.resources] == [
        ("Jobs", "removed"),
        ("WorkerRole", "changed"),
        ("Worker", "changed"),
        ("WorkerFromJobs", "removed"),
    ]
    # The role's inline policy granted only the deleted queue: it goes, the rest of the role stays.
    [policies] = diff.resources[1].changes
    assert (policies.path, policies.status, policies.after) == ("Policies", "changed", [])
    assert [p["PolicyName"] for p in policies.before] == ["jobs"]
    assert diff.resources[2].changes == [Change("DependsOn", "removed", "Jobs", None, attribute=True)]
    assert [(s.section, s.name, s.status) for s in diff.sections] == [("Outputs", "JobsUrl", "removed")]


def test_renaming_the_design_changes_the_description(tmp_path: Path) -> None:
    arch = _worker()
    assert (arch.metadata.name, arch.metadata.description) == (
        "Orders worker",
        "a function with settings and resource attributes the design does not model",
    )
    arch.set_metadata("name", "Orders")
    diff = _diff_after(arch, tmp_path)
    assert diff.resources == []
    assert [(s.section, s.before, s.after) for s in diff.sections] == [
        (
            "Description",
            "Orders worker: a function with settings and resource attributes the design does not model",
            "Orders: a function with settings and resource attributes the design does not model",
        )
    ]
