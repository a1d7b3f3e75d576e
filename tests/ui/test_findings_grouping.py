"""The findings panel: grouped by rule, narrowed by a filter, and saying "Validating…" until the counts are the
design's again (a big design's validation takes a moment: the old counts would read as the new ones)."""

from __future__ import annotations

from archbuilder.ui.findings_panel import FINDING_ROLE
from archbuilder.ui.main_window import MainWindow


def test_findings_group_by_rule_and_filter_by_text_rule_or_service(window: MainWindow) -> None:
    window.new_document("startup-mvp")
    window.runner.run_now()
    panel = window.findings
    everything = [item.text(1) for item in panel.finding_items()]
    panel.group_by.setCurrentText("Rule")
    titles = panel.group_titles()
    # One group per rule, titled with its id and title, errors first.
    assert titles[0].startswith("REL-001 ") and titles[0].endswith("(1)")
    assert len(titles) == len({item.text(1) for item in panel.finding_items()})
    assert sorted(item.text(1) for item in panel.finding_items()) == sorted(everything)
    panel.filter.setText("sec-001")
    assert {item.text(1) for item in panel.finding_items()} == {"SEC-001"}
    panel.filter.setText("web server")  # a service's label
    shown = panel.finding_items()
    labels = window.document.architecture.nodes
    for item in shown:
        finding = item.data(0, FINDING_ROLE)
        assert "web server" in item.text(0).lower() or any(
            labels[i].label.lower() == "web server" for i in finding.node_ids if i in labels
        )
    assert shown and len(shown) < len(everything)
    panel.filter.clear()
    assert len(panel.finding_items()) == len(everything)


def test_the_summary_says_validating_until_the_new_result_is_in(window: MainWindow) -> None:
    window.new_document("startup-mvp")
    window.runner.run_now()
    assert window.findings.summary.text().startswith("7 errors")
    assert window.document.set_label("web", "Front end")
    assert window.findings.summary.text() == "Validating…"
    window.runner.run_now()
    assert window.findings.summary.text().startswith("7 errors")
