"""The cost model's rules: usage precedence, Multi-AZ and replicas, sizes and regions the table lacks."""

from __future__ import annotations

import pytest

from archbuilder.cli.main import main
from archbuilder.cost.estimate import estimate
from archbuilder.model import load
from archbuilder.model.usage import DesignUsage, Scenario, ScenarioUsage, Usage
from archbuilder.resource_files import example_path


def _line(result, node_id: str, dimension: str):
    return next(line for line in result.lines if line.node_id == node_id and line.dimension == dimension)


def test_node_usage_wins_over_the_design_presets_which_win_over_the_shipped_ones() -> None:
    architecture = load(example_path("three-tier-web"))
    shipped = _line(estimate(architecture), "assets", "storage")
    assert shipped.quantity == 100.0
    architecture.set_design_usage(
        DesignUsage(presets={"s3_bucket": ScenarioUsage(expected=Usage(gb_stored=400))})
    )
    assert _line(estimate(architecture), "assets", "storage").quantity == 400.0
    architecture.set_usage("assets", ScenarioUsage(expected=Usage(gb_stored=7)))
    assert _line(estimate(architecture), "assets", "storage").quantity == 7.0
    assert _line(estimate(architecture, Scenario.HIGH), "assets", "storage").quantity == 1000.0


def test_multi_az_counts_the_standby_and_replicas_count_their_regions() -> None:
    architecture = load(example_path("three-tier-web"))
    assert _line(estimate(architecture), "orders-db", "instance").monthly == pytest.approx(730 * 2 * 0.018)
    architecture.set_property("orders-db", "multi_az", False)
    assert _line(estimate(architecture), "orders-db", "instance").monthly == pytest.approx(730 * 0.018)
    serverless = load(example_path("serverless-api"))
    before = _line(estimate(serverless), "orders-table", "writes").quantity
    serverless.set_property("orders-table", "replica_regions", ["eu-west-1", "ap-southeast-2"])
    assert _line(estimate(serverless), "orders-table", "writes").quantity == pytest.approx(3 * before)


def test_a_size_the_table_lacks_is_reported_not_guessed(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    architecture = load(example_path("startup-mvp"))
    architecture.set_property("web", "instance_type", "m7i.48xlarge")
    result = estimate(architecture)
    line = _line(result, "web", "instance")
    assert (line.unit_price, line.monthly) == (None, 0.0)
    assert line.note == "m7i.48xlarge is not in the price table (ec2_linux_hour, version 2026.12.06)"
    assert result.unpriced_lines == [line]
    from archbuilder.model import save

    path = tmp_path / "big.arch.json"
    save(architecture, path)
    assert main(["cost", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Not complete: some lines have no price (see below)." in out
    assert (
        "No price: Web server › Instance hours: m7i.48xlarge is not in the price table (ec2_linux_hour, version "
        "2026.12.06)" in out
    )


def test_a_region_outside_the_table_is_reported_for_every_line() -> None:
    architecture = load(example_path("static-site"))
    architecture.set_container_field("region", "region", "sa-east-1")
    result = estimate(architecture)
    regional = [line for line in result.lines if line.region == "sa-east-1"]
    assert {line.node_id for line in regional} == {"logs", "site"}
    assert all(line.note == "the price table has no prices for sa-east-1" for line in regional)
    assert all(line.monthly == 0.0 for line in regional)


def test_an_ecs_service_on_ec2_costs_its_container_instances_not_fargate() -> None:
    from tests.exporters.ecs_on_ec2 import ecs_on_ec2

    architecture = ecs_on_ec2()
    architecture.set_property("orders", "instance_type", "t3.medium")
    lines = {line.dimension: line for line in estimate(architecture).lines if line.node_id == "orders"}
    assert set(lines) == {"instances", "volumes"}
    # Three tasks, one container instance each, all month; a 30 GiB gp3 root volume each.
    assert (lines["instances"].quantity, lines["instances"].monthly) == (
        3 * 730,
        pytest.approx(3 * 730 * 0.0416),
    )
    assert (lines["volumes"].quantity, lines["volumes"].monthly) == (90, pytest.approx(90 * 0.08))
    fargate = {line.dimension for line in estimate(architecture).lines if line.node_id == "reports"}
    assert fargate == {"vcpu", "memory"}
