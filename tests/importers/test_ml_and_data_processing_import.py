"""SageMaker endpoints and notebooks, Batch, EMR and Data Pipeline come back from CloudFormation as drawn: each with
its settings and placement, its roles, keys, queue, model, configuration and groups folded into it, the connections
its policies and definition say; the template is written back unchanged, and deleting one takes its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from archbuilder.exporters.cloudformation.source_template import cloudformation_template
from archbuilder.exporters.cloudformation.template import build_template
from tests.exporters.cfn_tools import lint
from tests.exporters.test_ml_and_data_processing_export import data_processing, machine_learning
from tests.importers.round_trips import after_deleting, connections, imported, services

ML_TYPES = {"sagemaker_endpoint", "sagemaker_notebook", "batch_compute_environment", "lambda_function"}
DATA_TYPES = {"emr_cluster", "data_pipeline", "s3_bucket", "dynamodb_table"}


def test_machine_learning_comes_back_as_drawn_and_the_template_unchanged(tmp_path: Path) -> None:
    design = machine_learning()
    template = build_template(design)
    arch, report = imported(template, tmp_path)
    drawn = services(design, ML_TYPES)
    # Not written, so not read: a Batch environment outside subnets is a step to do by hand.
    del drawn["Nowhere"]
    # A notebook outside a VPC has direct internet access whatever the design said (the export names it a step).
    drawn["Scratch"][2]["direct_internet_access"] = True
    assert services(arch, ML_TYPES) == drawn
    assert {n.type for n in arch.services()} == ML_TYPES
    assert connections(arch) == connections(design) == {("Api", "Recommender", "invoke")}
    assert report.generic == []
    assert {name for name, _kind in report.folded} >= {
        "RecommenderConfig",
        "RecommenderModel",
        "RecommenderKey",
        "RecommenderRole",
        "RecommenderSecurityGroup",
        "RecommenderScalableTarget",
        "LabKey",
        "LabRole",
        "RenderFarmQueue",
        "RenderFarmServiceRole",
        "RenderFarmRole",
        "RenderFarmInstanceProfile",
    }
    assert cloudformation_template(arch) == template


def test_data_processing_comes_back_as_drawn_and_the_template_unchanged(tmp_path: Path) -> None:
    design = data_processing()
    template = build_template(design)
    arch, report = imported(template, tmp_path)
    drawn = services(design, DATA_TYPES)
    del drawn["Sql"]  # a SQL activity keeps a password in its definition: a step to do by hand, not written
    assert services(arch, DATA_TYPES) == drawn
    assert (
        connections(arch)
        == connections(design)
        == {
            ("Spark", "Lake", "read_write"),  # its instance role's grants
            ("Nightly copy", "Lake", "read"),  # its activity's input
            ("Nightly copy", "Curated", "write"),  # and output
            ("Hive job", "Events", "read"),
            ("Hive job", "Curated", "write"),
        }
    )
    assert (report.generic, report.warnings) == ([], [])
    assert {name for name, _kind in report.folded} >= {
        "SparkServiceRole",
        "SparkRole",
        "SparkKey",
        "SparkSecurityConfiguration",
        "SparkTaskGroup",
        "NightlyCopyPipelineRole",
        "NightlyCopyResourceRole",
    }
    assert cloudformation_template(arch) == template


@pytest.mark.parametrize(
    ("label", "gone"),
    [
        (
            "Recommender",
            {
                "Recommender",
                "RecommenderConfig",
                "RecommenderModel",
                "RecommenderKey",
                "RecommenderRole",
                "RecommenderRolePolicy",
                "RecommenderSecurityGroup",
                "RecommenderScalableTarget",
                "RecommenderScalingPolicy",
                # ApiRolePolicy stays: besides invoking the endpoint, the function may send to its dead-letter
                # queue (a production default).
            },
        ),
        ("Lab", {"Lab", "LabKey", "LabRole", "LabRolePolicy", "LabSecurityGroup"}),
        (
            "Render farm",
            {
                "RenderFarm",
                "RenderFarmQueue",
                "RenderFarmServiceRole",
                "RenderFarmRole",
                "RenderFarmInstanceProfile",
                "RenderFarmSecurityGroup",
            },
        ),
    ],
)
def test_deleting_a_machine_learning_service_takes_its_own(
    label: str, gone: set[str], tmp_path: Path
) -> None:
    template, written = after_deleting(machine_learning(), label, tmp_path)
    assert set(template["Resources"]) - set(written["Resources"]) == gone
    assert lint(json.dumps(written), "deleted.json") == []


@pytest.mark.parametrize(
    ("label", "gone"),
    [
        (
            "Spark",
            {
                "Spark",
                "SparkTaskGroup",
                "SparkSecurityConfiguration",
                "SparkKey",
                "SparkServiceRole",
                "SparkRole",
                "SparkRolePolicy",
                "SparkInstanceProfile",
                "SparkSecurityGroup",
            },
        ),
        (
            "Nightly copy",
            {
                "NightlyCopy",
                "NightlyCopyPipelineRole",
                "NightlyCopyResourceRole",
                "NightlyCopyInstanceProfile",
            },
        ),
    ],
)
def test_deleting_a_data_processing_service_takes_its_own(label: str, gone: set[str], tmp_path: Path) -> None:
    template, written = after_deleting(data_processing(), label, tmp_path)
    assert set(template["Resources"]) - set(written["Resources"]) == gone
    assert lint(json.dumps(written), "deleted.json") == []
