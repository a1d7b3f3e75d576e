"""Which figures of the price table a dated public copy confirms, and the loader refusing checks that do not hold."""

from __future__ import annotations

import pytest

from archbuilder.cost.prices import PriceTableError, default_prices, parse_price_table
from archbuilder.resource_files import resource_root

TOTAL, UNCONFIRMED, CORRECTED = 1075, 692, 36


def _text() -> str:
    return (resource_root() / "pricing" / "aws-prices.yaml").read_text(encoding="utf-8")


def test_the_shipped_table_counts_its_confirmed_corrected_and_unconfirmed_figures() -> None:
    prices = default_prices()
    figures = [
        (group.path, row, region)
        for group in prices.groups()
        for row, region in group.figures(prices.regions)
    ]
    assert len(figures) == len(set(figures)) == TOTAL
    assert prices.unconfirmed_count() == UNCONFIRMED
    assert sum(not prices.confirmed(*figure) for figure in figures) == UNCONFIRMED
    assert len(prices.corrections) == CORRECTED
    used = {check.ref for group in prices.groups() for check in group.checked}
    assert used == set(prices.references), "every reference confirms something and only references are named"


def test_known_figures_have_the_status_their_copies_give() -> None:
    prices = default_prices()
    # EC2 in us-east-1 is in karpenter's generated file; c6i.large in Ireland was 0.096 and is 0.0912 there.
    assert prices.confirmed("tables/ec2_linux_hour", "t3.micro", "us-east-1")
    assert prices.tables["ec2_linux_hour"].prices["c6i.large"][2] == 0.0912
    assert prices.confirmed("tables/ec2_linux_hour", "c6i.large", "eu-west-1")
    # t3.2xlarge in Sydney is 0.4224 by the table; the only copy seen rounds it to 0.422, which confirms nothing.
    assert not prices.confirmed("tables/ec2_linux_hour", "t3.2xlarge", "ap-southeast-2")
    assert prices.confirmed("transfer/internet_out", "", "ap-southeast-2")
    assert not prices.confirmed("services/nat_gateway/hours", "", "eu-central-1")
    correction = next(c for c in prices.corrections if c.figure == "services/cloudhsm_cluster/hsm_hours")
    assert (correction.region, correction.was, correction.ref) == ("us-east-1", 1.45, "infracost")
    assert prices.services["cloudhsm_cluster"][0].price == (1.60, 1.45, 1.45, 1.60, 1.60)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "      - {ref: karpenter, regions: [us-east-1]}",
            "      - {ref: karpentr, regions: [us-east-1]}",
            "tables › ec2_linux_hour: unknown reference 'karpentr'",
        ),
        (
            "      - {ref: karpenter, regions: [us-east-1]}",
            "      - {ref: karpenter, regions: [us-east-7]}",
            "tables › ec2_linux_hour: karpenter names us-east-7 it has not",
        ),
        (
            "rows: [t3.small, t3.large]}",
            "rows: [t3.small, t3.huge]}",
            "tables › ec2_linux_hour: infracost names t3.huge it has not",
        ),
        (
            "price: [0.045, 0.045, 0.048, 0.052, 0.059], checked: [{ref: cloudburn_nat, regions: [us-east-1]}, "
            "{ref: infracost, regions: [us-east-1]}], unconfirmed: true}",
            "price: [0.045, 0.045, 0.048, 0.052, 0.059], checked: [{ref: cloudburn_nat, regions: [us-east-1]}, "
            "{ref: infracost, regions: [us-east-1]}]}",
            "services › nat_gateway › hours: 4 figure(s) no reference confirms (us-west-2 first): check them or "
            "mark the group unconfirmed: true",
        ),
        (
            "regions: [us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-2]}]}",
            "regions: [us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-2]}], unconfirmed: true}",
            "transfer › internet_out: every figure is confirmed, so it cannot be marked unconfirmed",
        ),
        (
            'key: "{instance_type}"}\n    - {id: volume,',
            'key: "{instance_type}", unconfirmed: true}\n    - {id: volume,',
            "services › ec2_instance › instance: its figures are in table ec2_linux_hour; check them there",
        ),
        (
            "region: eu-west-1, was: 0.096, ref: skypilot}",
            "region: eu-west-1, was: 0.096, ref: karpenter}",
            "corrections › 0 › tables/ec2_linux_hour/c6i.large: 'karpenter' does not confirm it in eu-west-1",
        ),
        (
            'date: "2026-03", note: "NAT',
            'date: "March 2026", note: "NAT',
            "references › egresscost_nat › date: 'March 2026' is not a date (YYYY-MM-DD), a month (YYYY-MM) or "
            "a year (YYYY)",
        ),
        (
            "figure: tables/ec2_linux_hour/c6i.large,",
            "figure: tables/ec2_linux_hour/c6i.huge,",
            "corrections › 0 › tables/ec2_linux_hour/c6i.huge: no such figure in eu-west-1",
        ),
    ],
)
def test_a_check_that_does_not_hold_is_refused_with_the_place(old: str, new: str, message: str) -> None:
    text = _text()
    assert old in text
    with pytest.raises(PriceTableError) as error:
        parse_price_table(text.replace(old, new, 1))
    assert str(error.value) == f"aws-prices.yaml: {message}"
