"""Each bundled example's monthly cost per scenario, computed here by hand from the price table and presets.

A price or preset change moves both sides; a change in how the model counts (Multi-AZ, replicas, transfer,
NAT routing) breaks these sums to the cent.
"""

from __future__ import annotations

import json

import pytest

from archbuilder.cli.main import main
from archbuilder.cost.estimate import estimate
from archbuilder.cost.presets import default_presets
from archbuilder.cost.prices import default_prices
from archbuilder.model import load
from archbuilder.model.usage import Scenario
from archbuilder.resource_files import example_path

PRICES = default_prices()
HOURS = 730.0


def price(service: str, dimension: str, region: str = "us-east-1") -> float:
    found = next(d for d in PRICES.services[service] if d.id == dimension)
    assert found.price is not None
    return found.price[PRICES.regions.index(region)]


def table(name: str, key: str, region: str = "us-east-1") -> float:
    return PRICES.tables[name].prices[key][PRICES.regions.index(region)]


def transfer(name: str, region: str = "us-east-1") -> float:
    return PRICES.transfer[name].price[PRICES.regions.index(region)]


def use(service: str, scenario: Scenario, field: str) -> float:
    value = getattr(default_presets().of(service).for_scenario(scenario), field)
    return float(value or 0.0)


def s3(s: Scenario, region: str = "us-east-1") -> float:
    requests = use("s3_bucket", s, "requests_per_month")
    return (
        use("s3_bucket", s, "gb_stored") * price("s3_bucket", "storage", region)
        + requests * 0.1 / 1000 * price("s3_bucket", "writes", region)
        + requests * 0.9 / 1000 * price("s3_bucket", "reads", region)
    )


def alb(s: Scenario) -> float:
    gb, requests = use("alb", s, "gb_transferred"), use("alb", s, "requests_per_month")
    lcu = HOURS * max(gb / HOURS, requests / HOURS / 3600 / 25)
    return HOURS * price("alb", "hours") + lcu * price("alb", "lcu")


def nat(s: Scenario, through: float, region: str = "us-east-1") -> float:
    processed = use("nat_gateway", s, "gb_transferred") + through
    return (HOURS + processed) * price("nat_gateway", "hours", region) + HOURS * price(
        "nat_gateway", "public_ipv4"
    )


def route53(s: Scenario) -> float:
    return price("route53_zone", "zone") + use("route53_zone", s, "requests_per_month") / 1e6 * table(
        "route53_queries_million", "simple"
    )


def cloudfront(s: Scenario) -> float:
    gb, requests = (
        use("cloudfront_distribution", s, "gb_transferred"),
        use("cloudfront_distribution", s, "requests_per_month"),
    )
    return gb * price("cloudfront_distribution", "data_out") + requests / 1e4 * price(
        "cloudfront_distribution", "requests"
    )


def lambda_128(s: Scenario, region: str = "us-east-1") -> float:
    requests = use("lambda_function", s, "requests_per_month")
    gb_seconds = requests * 0.100 * 128 / 1024
    return requests / 1e6 * price("lambda_function", "requests", region) + gb_seconds * price(
        "lambda_function", "duration", region
    )


def rest_api(s: Scenario, region: str = "us-east-1") -> float:
    calls = (
        use("api_gateway_rest", s, "requests_per_month") / 1e6 * price("api_gateway_rest", "requests", region)
    )
    return calls + use("api_gateway_rest", s, "gb_transferred") * transfer("internet_out", region)


def three_tier_web(s: Scenario) -> float:
    app = HOURS * 2 * table("ec2_linux_hour", "t3.small") + 20 * 2 * table("ebs_gb_month", "gp3")
    database = HOURS * 2 * table("rds_instance_hour", "postgres/db.t3.micro") + 20 * 2 * table(
        "rds_storage_gb_month", "gp3"
    )
    # The app servers read the bucket from two private AZs, each through its own AZ's NAT gateway.
    through_each_nat = use("s3_bucket", s, "gb_transferred") / 2
    internet = use("alb", s, "gb_transferred") * transfer("internet_out")
    # Half the database's answers go to the app servers in the standby's AZ, billed both ways.
    cross_az = use("rds_instance", s, "gb_transferred") / 2 * 2 * transfer("cross_az")
    return app + database + s3(s) + route53(s) + 2 * nat(s, through_each_nat) + alb(s) + internet + cross_az


def ecs_fargate(s: Scenario) -> float:
    tasks = (
        HOURS
        * 2
        * (256 / 1024 * price("fargate_task", "vcpu") + 512 / 1024 * price("fargate_task", "memory"))
    )
    cache = HOURS * 2 * table("elasticache_node_hour", "cache.t3.micro")
    logs = use("cloudwatch_log_group", s, "gb_transferred") * price("cloudwatch_log_group", "ingest") + use(
        "cloudwatch_log_group", s, "gb_stored"
    ) * price("cloudwatch_log_group", "storage")
    secret = price("secrets_manager_secret", "secret") + use(
        "secrets_manager_secret", s, "requests_per_month"
    ) / 1e4 * price("secrets_manager_secret", "requests")
    images = use("ecr_repository", s, "gb_stored") * price("ecr_repository", "storage")
    # The tasks send on two connections (answers to the ALB, logs); the logs half leaves through both AZs' NATs.
    logs_through_each_nat = use("fargate_task", s, "gb_transferred") / 2 / 2
    internet = use("alb", s, "gb_transferred") * transfer("internet_out")
    cross_az = use("elasticache_cluster", s, "gb_transferred") / 2 * 2 * transfer("cross_az")
    return (
        tasks
        + cache
        + logs
        + secret
        + images
        + 2 * nat(s, logs_through_each_nat)
        + alb(s)
        + internet
        + cross_az
    )


def serverless_api(s: Scenario) -> float:
    requests = use("dynamodb_table", s, "requests_per_month")
    table_cost = (
        requests * 0.2 / 1e6 * price("dynamodb_table", "writes")
        + requests * 0.8 / 1e6 * price("dynamodb_table", "reads")
        + use("dynamodb_table", s, "gb_stored") * price("dynamodb_table", "storage")
    )
    queue = use("sqs_queue", s, "requests_per_month") / 1e6 * price("sqs_queue", "standard")
    return rest_api(s) + cloudfront(s) + route53(s) + 2 * lambda_128(s) + table_cost + queue + s3(s)


def static_site(s: Scenario) -> float:
    return cloudfront(s) + route53(s) + 2 * s3(s)


def startup_mvp(s: Scenario) -> float:
    database = HOURS * table("rds_instance_hour", "mysql/db.t3.micro") + 20 * table(
        "rds_storage_gb_month", "gp3"
    )
    web = (
        HOURS * table("ec2_linux_hour", "t3.micro")
        + 20 * table("ebs_gb_month", "gp3")
        + HOURS * price("ec2_instance", "public_ipv4")
    )
    internet = use("ec2_instance", s, "gb_transferred") * transfer("internet_out")
    return database + web + s3(s) + internet


def streaming_pipeline(s: Scenario) -> float:
    region = "eu-west-1"
    athena = (
        use("athena_workgroup", s, "gb_transferred") / 1024 * price("athena_workgroup", "scanned", region)
    )
    crawler = use("glue_crawler", s, "hours_per_month") * 2 * price("glue_crawler", "dpu", region)
    firehose = use("firehose_stream", s, "gb_transferred") * price("firehose_stream", "ingested", region)
    stream = HOURS * 2 * price("kinesis_stream", "shards", region) + use(
        "kinesis_stream", s, "requests_per_month"
    ) / 1e6 * price("kinesis_stream", "put_units", region)
    return (
        athena + rest_api(s, region) + crawler + lambda_128(s, region) + firehose + 2 * s3(s, region) + stream
    )


EXAMPLES = {
    "three-tier-web": three_tier_web,
    "ecs-fargate": ecs_fargate,
    "serverless-api": serverless_api,
    "static-site": static_site,
    "startup-mvp": startup_mvp,
    "streaming-pipeline": streaming_pipeline,
}


@pytest.mark.parametrize("scenario", list(Scenario))
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_costs_to_the_cent(name: str, scenario: Scenario) -> None:
    result = estimate(load(example_path(name)), scenario)
    assert not result.unpriced_lines and not result.not_priced
    assert round(result.total, 2) == round(EXAMPLES[name](scenario), 2)


def test_the_pinned_figures_themselves() -> None:
    """The sums above, written out once, so a reviewer sees what a change in prices or presets moves."""
    totals = {name: [round(EXAMPLES[name](s), 2) for s in Scenario] for name in sorted(EXAMPLES)}
    assert totals == {
        "ecs-fargate": [135.34, 159.43, 395.3],
        "serverless-api": [6.89, 64.43, 639.77],
        "startup-mvp": [27.96, 31.61, 68.15],
        "static-site": [3.02, 25.72, 252.7],
        "streaming-pipeline": [27.54, 73.92, 515.67],
        "three-tier-web": [156.67, 177.37, 384.36],
    }


def test_cli_cost_json_matches_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cost", str(example_path("three-tier-web")), "--format", "json", "--scenario", "high"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == round(three_tier_web(Scenario.HIGH), 2)
    assert data["scenario"] == "high" and data["price_table"] == "2026.12.06" and data["complete"] is True
    nats = [node for node in data["nodes"] if node["type"] == "nat_gateway"]
    assert [node["monthly"] for node in nats] == [round(nat(Scenario.HIGH, 50), 2)] * 2
    database = next(node for node in data["nodes"] if node["id"] == "orders-db")
    assert [(line["dimension"], line["quantity"], line["unit_price"]) for line in database["lines"]] == [
        ("instance", 1460.0, 0.018),
        ("storage", 40.0, 0.115),
    ]
    assert data["free_tier"] == {
        "total": 9.0,
        "lines": [
            {
                "service_type": "data_transfer",
                "dimension": "internet_out",
                "description": "Data out to the internet",
                "allowance": 100.0,
                "unit": "GB",
                "quantity": 100.0,
                "monthly": 9.0,
            }
        ],
    }
    assert next(node for node in data["nodes"] if node["id"] == "igw")["free_because"].startswith(
        "An internet gateway"
    )


def test_cli_cost_csv_has_one_row_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cost", str(example_path("startup-mvp")), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert (
        rows[0]
        == "node_id,label,service_type,tier,region,dimension,description,quantity,unit,unit_price,monthly,source,note,"
        "price_confirmed"
    )
    assert (
        rows[1]
        == "db,App database,rds_instance,Public subnets,us-east-1,instance,Instance hours (Multi-AZ counts the standby),730,instance-hour,0.017,12.41,rds,,yes"
    )
    assert (
        rows[-2]
        == "web,Web server,ec2_instance,Public subnets,us-east-1,public_ipv4,Public IPv4 address,730,hour,0.005,3.65,vpc,,yes"
    )
    assert rows[-1] == (
        ",Data transfer,data_transfer,Data transfer,us-east-1,internet_out,Data out to the internet (us-east-1),"
        "10,GB,0.09,0.90,data_transfer,,yes"
    )
    assert len(rows) == 1 + 8 + 1  # eight node lines and the internet transfer line
