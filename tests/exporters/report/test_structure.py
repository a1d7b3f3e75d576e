"""The review's content: title page, summary, scorecard, ranked actions, strengths, lock-in, cost, tips."""

from __future__ import annotations

import re

from archbuilder.exporters.report.gather import ReportOptions, gather
from archbuilder.exporters.report.html import SECTIONS, render_html
from archbuilder.exporters.report.markdown import render_markdown
from archbuilder.exporters.report.priorities import rank_actions
from archbuilder.validation import Finding, Pillar, Severity
from archbuilder.validation.lockin import RATING_POINTS
from archbuilder.validation.registry import all_rules, rule_by_id
from archbuilder.validation.rule import Effort, Rule, cite
from tests.exporters.report.support import MVP, THREE_TIER, design, mvp_review


def test_the_html_has_every_section_in_order_and_the_title_page_facts() -> None:
    review, architecture = mvp_review()
    html = render_html(review, architecture)
    ids = re.findall(r'<section id="([a-z]+)"', html)
    assert ids == [anchor for anchor, _title in SECTIONS]
    assert '<p class="kicker">Architecture review</p>\n<h1>Design review: MVP</h1>' in html
    assert "<dt>Design</dt><dd>Startup MVP (flawed on purpose)</dd>" in html
    assert "<dt>Reviewer</dt><dd>Dana Reviewer</dd>\n<dt>Date</dt><dd>2026-03-02</dd>" in html
    assert (
        "<dt>Scope</dt><dd>4 services and 2 connections of the production design, in 1 region (us-east-1), "
        "1 VPC across 1 availability zone.</dd>"
    ) in html
    assert "<h3>Assumptions</h3><ul>\n<li>The design is reviewed as drawn" in html
    assert [title for _anchor, title in SECTIONS] == [
        "Executive summary",
        "Scorecard by pillar",
        "Top actions",
        "Strengths",
        "Findings by pillar",
        "Vendor lock-in",
        "Cost",
        "Appendix A: Inventory",
        "Appendix B: The guides' tips for these services",
    ]


def test_what_the_person_presenting_says_replaces_what_is_read_from_the_design() -> None:
    architecture = design(THREE_TIER)
    options = ReportOptions(scope="The web tier only.", assumptions=("Traffic stays under 100 requests/s.",))
    review = gather(architecture, options, with_diagram=False)
    assert (review.title, review.scope, review.assumptions) == (
        "Three-tier web application",
        "The web tier only.",
        ("Traffic stays under 100 requests/s.",),
    )
    html = render_html(review, architecture)
    assert "<dt>Reviewer</dt>" not in html and "<dt>Date</dt>" not in html  # none given, none shown


def test_actions_rank_by_risk_then_effort_then_findings() -> None:
    source = cite("000", "S3 Tips")

    def rule(rule_id: str, title: str, effort: Effort, remediation: str) -> Rule:
        return Rule(
            rule_id,
            title,
            Severity.ERROR,
            Pillar.SECURITY,
            source,
            "d",
            remediation,
            lambda r, g: [],
            effort=effort,
        )

    # The remediations' first verbs would mislead a guess ("Create" a file system that must be replaced, "Move" a
    # setting): the rules' own efforts rank them.
    rules = {
        r.id: r
        for r in (
            rule("A-1", "Logging off", Effort.LOW, "Turn on logging."),
            rule(
                "B-1",
                "Database in public subnets",
                Effort.HIGH,
                "Set the database's subnets to private ones.",
            ),
            rule("C-1", "Backups too short", Effort.LOW, "Move the retention to 7 days."),
            rule("D-1", "One instance", Effort.MEDIUM, "Turn on a second instance."),
            rule("E-1", "Unencrypted", Effort.HIGH, "Set encryption on."),
            rule(
                "F-1",
                "Wrong file system mode",
                Effort.HIGH,
                "Create the file system in General Purpose mode.",
            ),
        )
    }

    def found(rule_id: str, severity: Severity, nodes: tuple[str, ...]) -> Finding:
        remediation = rules[rule_id].remediation
        return Finding(
            rule_id, severity, Pillar.SECURITY, f"{rule_id} on {nodes}", nodes, remediation, source
        )

    findings = [
        found("A-1", Severity.WARNING, ("web",)),
        found("B-1", Severity.ERROR, ("db",)),
        found("C-1", Severity.ERROR, ("db", "web")),
        found("C-1", Severity.ERROR, ("cache",)),
        found("D-1", Severity.ERROR, ("web",)),
        found("E-1", Severity.ERROR, ("queue",)).suppress("accepted for the pilot"),
        found("F-1", Severity.INFO, ("files",)),
    ]
    actions = rank_actions(findings, rules)
    assert [(a.number, a.rule_id, a.title, a.risk, a.effort, a.node_ids) for a in actions] == [
        (1, "C-1", "Backups too short", "high", Effort.LOW, ("db", "web", "cache")),
        (2, "D-1", "One instance", "high", Effort.MEDIUM, ("web",)),
        (3, "B-1", "Database in public subnets", "high", Effort.HIGH, ("db",)),
        (4, "A-1", "Logging off", "medium", Effort.LOW, ("web",)),
        (5, "F-1", "Wrong file system mode", "low", Effort.HIGH, ("files",)),
    ]


def test_an_actions_effort_is_its_rules_own_rating() -> None:
    review, _architecture = mvp_review()
    assert review.actions
    for action in review.actions:
        assert action.effort is rule_by_id(action.rule_id).effort, action.rule_id


def test_the_top_actions_of_the_flawed_example_are_numbered_in_the_text() -> None:
    review, architecture = mvp_review()
    top = review.top_actions
    assert len(top) == 5 and [a.number for a in top] == [1, 2, 3, 4, 5]
    assert all(a.risk == "high" for a in top)  # seven errors: the five cheapest to fix come first
    keys = [(-a.severity.rank, a.effort.rank, -len(a.findings)) for a in review.actions]
    assert keys == sorted(keys)
    html = render_html(review, architecture)
    for action in top:
        row = re.search(rf'<tr id="action-{action.number}">(.*?)</tr>', html)
        assert row is not None, action.rule_id
        assert f'<span class="num high">{action.number}</span>' in row.group(1)
        assert f"({action.rule_id})" in row.group(1) and action.where(architecture) in row.group(1)
        for finding in action.findings:  # each of its findings carries the number in the findings table
            assert review.action_of(finding) is action
    markdown = render_markdown(review, architecture)
    for action in top:
        assert f"| {action.number} | **{action.title}** ({action.rule_id}): " in markdown
        assert f"| {action.rule_id} (action {action.number}) |" in markdown


def test_the_executive_summary_says_what_is_at_risk_what_it_costs_and_what_to_do_first() -> None:
    review, architecture = mvp_review()
    summary = review.summary
    high = sum(s.high for s in review.scorecard)
    medium = sum(s.medium for s in review.scorecard)
    assert summary.at_risk.startswith(
        f"The review found {high} high risks and {medium} medium risks in the 4 services of this design"
    )
    assert review.top_actions[0].findings[0].message in summary.at_risk
    assert review.cost is not None and summary.costs.startswith(review.cost.headline)
    assert f"Lock-in is low ({review.result.lockin.score}/100)" in summary.costs
    assert summary.first == tuple(
        f"{a.remediation} ({a.where(architecture)}; {a.effort} effort)" for a in review.top_actions[:3]
    )


def test_the_scorecard_counts_match_the_findings_per_pillar() -> None:
    review, _architecture = mvp_review()
    for score in review.scorecard:
        active = [f for f in review.result.active if f.pillar is score.pillar]
        assert (score.high, score.medium, score.low) == tuple(
            sum(1 for f in active if f.severity is s)
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        )
        rules = [r for r in all_rules() if r.pillar is score.pillar]
        assert score.checked == len(rules)
        assert score.clear == len(
            [r for r in rules if r.id not in {f.rule_id for f in review.result.findings}]
        )


def test_strengths_are_rules_about_the_designs_services_that_found_nothing() -> None:
    review, architecture = mvp_review()
    labels = {
        t: sorted((s.label for s in architecture.services() if s.type == t), key=str.lower)
        for t in {s.type for s in architecture.services()}
    }
    fired = {f.rule_id for f in review.result.findings}
    expected = [
        rule.id
        for rule in all_rules()
        if rule.id not in fired
        and rule.applies_to
        and rule.applies_to[0] in labels
        and rule.severity in (Severity.ERROR, Severity.WARNING)
        and "limits" not in rule.tags
    ]
    assert sorted(s.rule_id for s in review.strengths) == sorted(expected) and expected
    for strength in review.strengths:
        rule = rule_by_id(strength.rule_id)
        assert strength.risk == rule.title and strength.pillar is rule.pillar
        assert list(strength.services) == labels[rule.applies_to[0]]
    gateway = next(s for s in review.strengths if s.rule_id == "REL-014")
    assert (gateway.risk, gateway.services) == (
        "Public subnet without internet gateway",
        ("Internet gateway",),
    )
    pillars = [s.pillar for s in review.strengths]
    assert pillars == sorted(pillars, key=list(Pillar).index)


def test_the_lockin_section_adds_up_to_the_score_and_names_every_contributing_service() -> None:
    review, architecture = mvp_review()
    lockin = review.lockin
    assert lockin.services == len(architecture.services())
    assert lockin.score == round(100 * lockin.points / (3 * lockin.services))
    listed = [label for row in lockin.rows + lockin.portable for label in row.labels]
    assert sorted(listed) == sorted(s.label for s in architecture.services())
    ratings = {s.label: s.rating for s in review.result.lockin.services}
    assert all(ratings[label] != "none" for row in lockin.rows for label in row.labels)
    assert all(row.total == RATING_POINTS[row.rating] * len(row.labels) for row in lockin.rows)
    html = render_html(review, architecture)
    assert "none named" not in html and lockin.formula() in html.replace("&#x27;", "'")
    assert "33/100 = 100 × 4 points ÷ (3 points × 4 services)" in lockin.formula()


def test_tips_are_only_for_the_services_of_the_design_in_an_appendix() -> None:
    review, architecture = mvp_review()
    catalog = architecture.catalog
    names = sorted({catalog.get(s.type).name for s in architecture.services()})
    assert sorted(service for service, _tips in review.tips_by_service()) == names
    html = render_html(review, architecture)
    assert (
        html.index('<section id="tips">') > html.index('<section id="inventory">') > html.index('id="lockin"')
    )


def test_every_citation_is_rendered_with_its_guide_title() -> None:
    review, architecture = mvp_review()
    html = render_html(review, architecture)
    cells = re.findall(r'class="cite">(?:— )?(.*?)</(?:td|span)>', html)
    assert len(cells) >= len(review.result.findings) + len(review.tips)
    for cell in cells:
        shown = re.sub(r"<[^>]+>", "", cell)
        assert " › " in shown and ".txt" not in shown, cell
    markdown = render_markdown(review, architecture)
    assert ".txt" not in markdown and "000_" not in html


def test_the_cost_section_comes_from_the_cost_model() -> None:
    review, architecture = mvp_review()
    assert review.cost is not None
    html = render_html(review, architecture)
    assert (
        f'<section id="cost"><h2>Cost</h2><p><span class="score">{review.cost.monthly}</span> a month</p>'
        in html
    )
    assert [name for name, _amount in review.cost.rows][:1] == ["App database"]


def test_the_report_escapes_document_text_and_has_no_timestamp_by_default() -> None:
    architecture = design(MVP)
    architecture.set_metadata("name", "<script>alert(1)</script>")
    architecture.set_label("web", "<img src=x onerror=1>")
    html = render_html(gather(architecture, with_diagram=False), architecture)
    assert "<script>alert" not in html and "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=1&gt;" in html
    assert html == render_html(gather(architecture, with_diagram=False), architecture)
    assert "2026" not in html.split("<h2>Contents</h2>")[0].replace("2026.", "")
    markdown = render_markdown(gather(architecture, with_diagram=False), architecture)
    assert "# \\<script\\>alert(1)\\</script\\>\n" in markdown
    assert "| \\<img src=x onerror=1\\> | compute |" in markdown
