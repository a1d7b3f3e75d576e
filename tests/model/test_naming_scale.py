"""Unique names stay the names counting from 2 would give, without recounting for every new one."""

from __future__ import annotations

from archbuilder.model.naming import Names


def _counting(reserved: list[str], requests: list[tuple[str, str]]) -> list[str]:
    """The names the plain rule gives: the wanted name, else wanted2, wanted3, ... the first one free."""
    taken, given, by_key = set(reserved), [], {}
    for key, wanted in requests:
        if key not in by_key:
            name, number = wanted, 2
            while name in taken:
                name, number = f"{wanted}{number}", number + 1
            taken.add(name)
            by_key[key] = name
        given.append(by_key[key])
    return given


def test_names_match_the_counting_rule_with_reserved_and_colliding_names() -> None:
    requests = [(str(i), "Alb") for i in range(6)] + [
        ("x", "Alb2"),
        ("y", "Alb"),
        ("0", "Alb"),
        ("z", "Alb22"),
    ]
    names = Names(["Alb3"])
    assert [names.get(key, wanted) for key, wanted in requests] == _counting(["Alb3"], requests)
    assert [names.get(key, wanted) for key, wanted in requests] == [
        "Alb", "Alb2", "Alb4", "Alb5", "Alb6", "Alb7", "Alb22", "Alb8", "Alb", "Alb222",
    ]  # fmt: skip


def test_twenty_thousand_services_of_one_label_are_named_in_linear_steps() -> None:
    names = Names()
    given = [names.get(str(i), "Web") for i in range(20_000)]
    assert given[:3] == ["Web", "Web2", "Web3"] and given[-1] == "Web20000"
    assert len(set(given)) == 20_000
    assert names._next_number == {"Web": 20_001}
