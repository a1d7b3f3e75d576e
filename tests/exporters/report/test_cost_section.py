"""The review's cost section: scenario table, tiers, services and top cost drivers, in HTML and Markdown."""

from __future__ import annotations

from archbuilder.exporters.report.cost_section import cost_section, section_html, section_markdown
from archbuilder.model import load
from archbuilder.model.usage import Scenario
from archbuilder.resource_files import example_path
from tests.cost.test_example_costs import three_tier_web


def test_the_section_has_every_scenario_tier_and_the_largest_lines() -> None:
    section = cost_section(load(example_path("three-tier-web")))
    assert section.scenarios == tuple(
        (f"{scenario.value} usage", f"${three_tier_web(scenario):,.2f}") for scenario in Scenario
    )
    assert section.tiers == (
        ("Public subnets", "$99.76"),
        ("Private subnets", "$64.45"),
        ("Regional services", "$3.16"),
        ("Global services", "$0.90"),
        ("Data transfer", "$9.10"),
    )
    assert section.drivers == (
        ("NAT gateway a", "NAT gateway hours", "$32.85"),
        ("NAT gateway b", "NAT gateway hours", "$32.85"),
        ("App servers", "EC2 instance hours", "$30.37"),
        ("Orders database", "Instance hours (Multi-AZ counts the standby)", "$26.28"),
        ("Web load balancer", "Load balancer hours", "$16.43"),
    )


def test_html_and_markdown_show_the_tables_with_the_text_escaped() -> None:
    architecture = load(example_path("three-tier-web"))
    architecture.set_label("nat-a", "<b>NAT</b> | a")
    section = cost_section(architecture)
    html = section_html(section)
    assert html.startswith(
        '<section id="cost"><h2>Cost</h2><p><span class="score">$177.37</span> a month</p>'
    )
    assert "<tr><td>low usage</td><td>$156.67</td></tr>" in html
    assert "<tr><td>&lt;b&gt;NAT&lt;/b&gt; | a</td><td>NAT gateway hours</td><td>$32.85</td></tr>" in html
    assert "<b>NAT</b>" not in html
    markdown = section_markdown(section)
    assert markdown[:5] == ["", "## Cost", "", markdown[3], ""]
    assert "| high usage | $384.36 |" in markdown
    assert "| \\<b\\>NAT\\</b\\> \\| a | NAT gateway hours | $32.85 |" in markdown
    assert "### Top cost drivers" in markdown
